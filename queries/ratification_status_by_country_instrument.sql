-- The status grid: every selected country × every instrument on 31 December of $year_to, with the
-- signature and consent dates up to that day (pairs without a ratification row are 'no action'; the schema's
-- table macro ratification_on).
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per selected country × instrument.
with final as (
    select
        c.iso3, c.name, c.ohchr_region, r.instrument, i.short_name,
        r.status, r.signature_date, r.consent_date, r.consent_type, r.reservations, r.denounced_date
    from country c
    join selected_countries($region, $countries::varchar[], $target_ea) sel on sel.iso3 = c.iso3
    join ratification_on(make_date($year_to, 12, 31)) r on r.country_iso3 = c.iso3
    join instrument i on i.code = r.instrument
)
select * from final order by name, instrument
