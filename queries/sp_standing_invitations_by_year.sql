-- Standing invitations to the Special Procedures among the selected countries: how many had extended one by the
-- end of each year, and how many did so in the year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per year.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
years as (
    select unnest(range($year_from::integer, $year_to::integer + 1))::integer as year
),
invited as (
    select i.country_iso3, i.extended_date from standing_invitation i join sel on sel.iso3 = i.country_iso3
),
final as (
    select
        y.year,
        count(i.country_iso3) filter (where i.extended_date <= make_date(y.year, 12, 31)) as with_invitation,
        count(i.country_iso3) filter (where year(i.extended_date) = y.year) as new_invitations,
        (select count(*) from sel) as countries
    from years y
    left join invited i on true
    group by y.year
)
select * from final order by year
