-- Recommendations of every mechanism by implementation status where known, for one country or all.
-- Parameters: $country (ISO3, or null for every country), $year_from, $year_to.
-- Grain: one row per country × mechanism with recommendations.
with recs as (
    select country_iso3, mechanism, implementation
    from recommendation
    where ($country::varchar is null or country_iso3 = $country::varchar)
      and year(rec_date) between $year_from and $year_to
),
final as (
    select
        country_iso3,
        mechanism,
        count(*) filter (where implementation = 'fully implemented') as fully_implemented,
        count(*) filter (where implementation = 'partially implemented') as partially_implemented,
        count(*) filter (where implementation = 'not implemented') as not_implemented,
        count(*) filter (where implementation is null) as status_unknown,
        count(*) as recommendations
    from recs
    group by country_iso3, mechanism
)
select * from final
order by country_iso3, case mechanism when 'UPR' then 1 when 'treaty body' then 2 else 3 end
