-- UNCT engagement with the human rights mechanisms per country and activity, over the selected years.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per selected country with at least one activity in the years; one column per activity.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
rows_in_view as (
    select u.*
    from unct_engagement u
    join sel on sel.iso3 = u.country_iso3
    where u.year between $year_from and $year_to
),
final as (
    select
        c.name as country,
        c.iso3,
        c.ohchr_region,
        count(*) as activities,
        count(*) filter (where r.activity = 'UNCT submission') as unct_submission,
        count(*) filter (where r.activity = 'support to a visit') as support_to_a_visit,
        count(*) filter (where r.activity = 'follow-up plan') as follow_up_plan,
        count(*) filter (where r.activity = 'joint programme') as joint_programme,
        count(*) filter (where r.activity = 'recommendations in UNDAF') as recommendations_in_undaf,
        count(*) filter (where r.activity = 'human rights working group') as human_rights_working_group,
        min(r.year) as first_year,
        max(r.year) as last_year,
        array_to_string(list_sort(list_distinct(list(r.source))), ', ') as source
    from rows_in_view r
    join country c on c.iso3 = r.country_iso3
    group by c.name, c.iso3, c.ohchr_region
)
select * from final order by activities desc, country
