-- Status of each of the 18 instruments as of 31 December of $year_to, for one country or all.
-- Parameters: $country (ISO3, or null for every country: the page caches that per year and slices it),
-- $year_to. Grain: one row per country × instrument (all 18, ratified or not), core treaties each
-- followed by their optional protocols.
with as_of as (
    select make_date($year_to, 12, 31) as d
),
countries as (
    select iso3 from country where $country::varchar is null or iso3 = $country::varchar
),
final as (
    select
        c.iso3 as country_iso3,
        i.code as instrument,
        i.short_name,
        status_on(r.signature_date, r.consent_date, r.denounced_date, a.d) as status,
        case when r.signature_date <= a.d then r.signature_date end as signature_date,
        case when r.consent_date <= a.d then r.consent_date end as consent_date,
        case when r.consent_date <= a.d then r.consent_type end as consent_type,
        case when party_on(r.consent_date, r.denounced_date, a.d) then r.reservations else false end
            as reservations,  -- NULL: a party whose reservations are not known
        case when r.denounced_date <= a.d then r.denounced_date end as denounced_date,
        r.source,
        i.name as instrument_name,
        i.kind,
        i.body,
        coalesce(p.adopted, i.adopted) as family_adopted,
        coalesce(i.parent_code, i.code) as family
    from countries c
    cross join instrument i
    cross join as_of a
    left join instrument p on p.code = i.parent_code
    left join ratification r on r.country_iso3 = c.iso3 and r.instrument = i.code
)
select * exclude (family_adopted, family)
from final
order by country_iso3, family_adopted, family, kind, instrument
