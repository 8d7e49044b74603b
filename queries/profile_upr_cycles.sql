-- UPR reviews and the recommendations received, per cycle, for one country or all.
-- Parameters: $country (ISO3, or null for every country), $year_from, $year_to (year of the review).
-- Grain: one row per country × cycle reviewed. Session and review date are empty where the source does not
-- give them; the report flags read yes / no / unknown (not known from the source).
with reviews as (
    select *
    from upr_review
    where ($country::varchar is null or country_iso3 = $country::varchar)
      and review_year between $year_from and $year_to
),
recs as (
    select country_iso3, cycle, response, implementation
    from recommendation
    where ($country::varchar is null or country_iso3 = $country::varchar)
      and mechanism = 'UPR' and year(rec_date) between $year_from and $year_to
),
counted as (
    select
        country_iso3,
        cycle,
        count(*) as recommendations,
        count(*) filter (where response = 'supported') as supported,
        count(*) filter (where response = 'noted') as noted,
        count(*) filter (where response = 'pending') as pending,
        count(*) filter (where implementation in ('fully implemented', 'partially implemented')) as implemented
    from recs
    group by country_iso3, cycle
),
final as (
    select
        r.country_iso3,
        r.cycle, r.session, r.review_year, r.review_date,
        case r.national_report when true then 'yes' when false then 'no' else 'unknown' end as national_report,
        case r.midterm_report when true then 'yes' when false then 'no' else 'unknown' end as midterm_report,
        coalesce(c.recommendations, 0) as recommendations,
        coalesce(c.supported, 0) as supported,
        coalesce(c.noted, 0) as noted,
        coalesce(c.pending, 0) as pending,
        coalesce(c.implemented, 0) as implemented,
        r.source
    from reviews r
    left join counted c on c.country_iso3 = r.country_iso3 and c.cycle = r.cycle
)
select * from final order by country_iso3, cycle
