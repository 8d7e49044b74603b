-- UPR reviews of the selected countries per cycle, and how many came with a national report and how many
-- States later submitted a mid-term report.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review).
-- Grain: one row per cycle.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select
        u.cycle,
        count(*) as reviews,
        count(*) filter (where u.national_report) as national_reports,
        count(*) filter (where u.midterm_report) as midterm_reports,
        min(u.review_date) as first_review,
        max(u.review_date) as last_review
    from upr_review u
    join sel on sel.iso3 = u.country_iso3
    where year(u.review_date) between $year_from and $year_to
    group by 1
)
select * from final order by cycle
