-- UPR reviews of the selected countries per cycle, and how many came with a national report and how many
-- States later submitted a mid-term report. Only reports known to have been submitted count; reviews whose
-- source does not say (flags NULL, e.g. Terman's review lists) are counted in the *_unknown columns.
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
        count(*) filter (where u.national_report is null) as national_reports_unknown,
        count(*) filter (where u.midterm_report is null) as midterm_reports_unknown,
        min(u.review_date) as first_review,
        max(u.review_date) as last_review
    from upr_review u
    join sel on sel.iso3 = u.country_iso3
    where u.review_year between $year_from and $year_to
    group by 1
)
select * from final order by cycle
