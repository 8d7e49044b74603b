-- How many of the selected countries that received UPR recommendations in the selected years have UNCT engagement
-- recorded on the UPR (mechanism 'UPR' or 'all mechanisms') in those years, and how many have none.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
with_recs as (
    select distinct r.country_iso3
    from recommendation r
    join sel on sel.iso3 = r.country_iso3
    where r.mechanism = 'UPR' and year(r.rec_date) between $year_from and $year_to
),
engaged as (
    select distinct u.country_iso3
    from unct_engagement u
    where u.year between $year_from and $year_to and u.mechanism in ('UPR', 'all mechanisms')
),
final as (
    select
        count(*) as countries_with_recommendations,
        count(e.country_iso3) as with_unct_engagement,
        count(*) - count(e.country_iso3) as without_unct_engagement
    from with_recs w
    left join engaged e on e.country_iso3 = w.country_iso3
)
select * from final
