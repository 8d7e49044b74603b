-- Status of one instrument in each selected country on 31 December of $year_to: party, denounced, signatory or
-- no action (countries without a ratification row took no action). Dates after that day are hidden (the schema's
-- table macro ratification_on).
-- Parameters: $region, $countries, $target_ea (country selection); $year_to; $instrument (OHCHR code).
-- Grain: one row per selected country.
with final as (
    select
        c.iso3, c.name, c.ohchr_region,
        r.status, r.signature_date, r.consent_date, r.consent_type, r.reservations, r.denounced_date
    from country c
    join selected_countries($region, $countries::varchar[], $target_ea) sel on sel.iso3 = c.iso3
    join ratification_on(make_date($year_to, 12, 31)) r on r.country_iso3 = c.iso3 and r.instrument = $instrument
)
select * from final order by name
