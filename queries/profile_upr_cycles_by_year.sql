-- UPR reviews per cycle with the recommendations received per year of recommendation, for one country or
-- all: the page keeps the reviews of its years and adds up the recommendations of its years
-- (hrdash/profile/years.py: upr_cycles; the export writes the rows the page shows).
-- Parameters: $country (ISO3, or null for every country).
-- Grain: one row per country × cycle reviewed × year of its recommendations (rec_year null and zero
-- counts for a review without recommendations). The report flags read yes / no / unknown (not known
-- from the source).
with recs as (
    select
        country_iso3, cycle, year(rec_date) as rec_year,
        count(*) as recommendations,
        count(*) filter (where response = 'supported') as supported,
        count(*) filter (where response = 'noted') as noted,
        count(*) filter (where response = 'pending') as pending,
        count(*) filter (where implementation in ('fully implemented', 'partially implemented')) as implemented
    from recommendation
    where ($country::varchar is null or country_iso3 = $country::varchar) and mechanism = 'UPR'
    group by all
),
final as (
    select
        r.country_iso3,
        r.cycle, r.session, r.review_year, r.review_date,
        case r.national_report when true then 'yes' when false then 'no' else 'unknown' end as national_report,
        case r.midterm_report when true then 'yes' when false then 'no' else 'unknown' end as midterm_report,
        c.rec_year,
        coalesce(c.recommendations, 0) as recommendations,
        coalesce(c.supported, 0) as supported,
        coalesce(c.noted, 0) as noted,
        coalesce(c.pending, 0) as pending,
        coalesce(c.implemented, 0) as implemented,
        r.source
    from upr_review r
    left join recs c on c.country_iso3 = r.country_iso3 and c.cycle = r.cycle
    where $country::varchar is null or r.country_iso3 = $country::varchar
)
select * from final order by country_iso3, cycle, rec_year
