-- Status of each of the 18 instruments as of 31 December of $year_to, for one country or all (the schema's
-- table macro ratification_on).
-- Parameters: $country (ISO3, or null for every country: the page caches that per year and slices it),
-- $year_to. Grain: one row per country × instrument (all 18, ratified or not), core treaties each
-- followed by their optional protocols.
with final as (
    select
        r.country_iso3,
        r.instrument,
        i.short_name,
        r.status, r.signature_date, r.consent_date, r.consent_type, r.reservations, r.denounced_date,
        r.source,
        i.name as instrument_name,
        i.kind,
        i.body,
        coalesce(p.adopted, i.adopted) as family_adopted,
        coalesce(i.parent_code, i.code) as family
    from ratification_on(make_date($year_to, 12, 31)) r
    join instrument i on i.code = r.instrument
    left join instrument p on p.code = i.parent_code
    where $country::varchar is null or r.country_iso3 = $country::varchar
)
select * exclude (family_adopted, family)
from final
order by country_iso3, family_adopted, family, kind, instrument
