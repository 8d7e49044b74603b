-- The ratification rows of the selected countries with some action (signature or consent) by 31
-- December of $year_to, with their recorded dates and the status on that day.
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per country × instrument with a ratification row.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
as_of as (
    select make_date($year_to, 12, 31) as d
),
final as (
    select
        c.name as country,
        r.country_iso3 as iso3,
        c.ohchr_region,
        i.short_name as instrument,
        r.instrument as instrument_code,
        status_on(r.signature_date, r.consent_date, r.denounced_date, as_of.d) as status_at_year_end,
        r.signature_date,
        r.consent_date,
        r.consent_type,
        r.date_precision,
        r.reservations,
        r.denounced_date,
        r.source
    from ratification r
    join sel on sel.iso3 = r.country_iso3
    join country c on c.iso3 = r.country_iso3
    join instrument i on i.code = r.instrument
    cross join as_of
    where r.signature_date <= as_of.d or r.consent_date <= as_of.d
)
select * from final order by country, instrument_code
