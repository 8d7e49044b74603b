-- The status grid: every selected country × every instrument on 31 December of $year_to, with the
-- signature and consent dates up to that day (pairs without a ratification row are 'no action').
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per selected country × instrument.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
as_of as (
    select make_date($year_to, 12, 31) as d
),
grid as (
    select c.iso3, c.name, c.ohchr_region, i.code as instrument, i.short_name
    from country c
    join sel on sel.iso3 = c.iso3
    cross join instrument i
),
final as (
    select
        grid.iso3,
        grid.name,
        grid.ohchr_region,
        grid.instrument,
        grid.short_name,
        status_on(r.signature_date, r.consent_date, r.denounced_date, as_of.d) as status,
        case when r.signature_date <= as_of.d then r.signature_date end as signature_date,
        case when r.consent_date <= as_of.d then r.consent_date end as consent_date,
        case when r.consent_date <= as_of.d then r.consent_type end as consent_type,
        case when party_on(r.consent_date, r.denounced_date, as_of.d) then r.reservations else false end
            as reservations,  -- NULL: a party whose reservations are not known
        case when r.denounced_date <= as_of.d then r.denounced_date end as denounced_date
    from grid
    cross join as_of
    left join ratification r on r.country_iso3 = grid.iso3 and r.instrument = grid.instrument
)
select * from final order by name, instrument
