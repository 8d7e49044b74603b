-- National human rights institutions of the selected countries with their accreditation status, where the data
-- have one.
-- Parameters: $region, $countries, $target_ea (country selection).
-- Grain: one row per country with an NHRI row.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select c.name as country, c.iso3, c.ohchr_region, n.name as nhri, n.status, n.year as status_year, n.source
    from nhri n
    join sel on sel.iso3 = n.country_iso3
    join country c on c.iso3 = n.country_iso3
)
select * from final order by status, country
