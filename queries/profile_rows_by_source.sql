-- How many rows of each fact table a country's profile covers, by source: the counts of
-- rows_by_source.sql for one country (or for each country at once, so the page can cache them per year).
-- Parameters: $country (ISO3, or null for every country), $year_from, $year_to.
-- Grain: one row per country × table × source. As in rows_by_source.sql, undated tables count every
-- row of the country, and regional Human Rights Advisers (no country) count for every country.
with countries as (
    select iso3 from country where $country::varchar is null or iso3 = $country::varchar
),
counted as (
    select country_iso3, 'ratification' as table_name, source from ratification
        where country_iso3 in (select iso3 from countries)
    union all select country_iso3, 'tb_report', source from tb_report
        where country_iso3 in (select iso3 from countries)
          and year(due_date) between $year_from and $year_to
    union all select country_iso3, 'sp_visit', source from sp_visit
        where country_iso3 in (select iso3 from countries)
          and year(coalesce(start_date, request_date)) between $year_from and $year_to
    union all select country_iso3, 'standing_invitation', source from standing_invitation
        where country_iso3 in (select iso3 from countries)
    union all select country_iso3, 'sp_communication', source from sp_communication
        where country_iso3 in (select iso3 from countries)
          and year(sent_date) between $year_from and $year_to
    union all select country_iso3, 'upr_review', source from upr_review
        where country_iso3 in (select iso3 from countries)
          and review_year between $year_from and $year_to
    union all select country_iso3, 'recommendation', source from recommendation
        where country_iso3 in (select iso3 from countries)
          and year(rec_date) between $year_from and $year_to
    union all select country_iso3, 'national_mechanism', source from national_mechanism
        where country_iso3 in (select iso3 from countries)
    union all select country_iso3, 'stakeholder_submission', source from stakeholder_submission
        where country_iso3 in (select iso3 from countries)
          and year between $year_from and $year_to
    union all select country_iso3, 'unct_engagement', source from unct_engagement
        where country_iso3 in (select iso3 from countries)
          and year between $year_from and $year_to
    union all select country_iso3, 'hra_deployment', source from hra_deployment
        where country_iso3 in (select iso3 from countries)
          and year(start_date) <= $year_to and (end_date is null or year(end_date) >= $year_from)
    union all select country_iso3, 'nhri', source from nhri
        where country_iso3 in (select iso3 from countries)
    union all select country_iso3, 'story', source from story
        where country_iso3 in (select iso3 from countries)
          and year between $year_from and $year_to
),
by_country as (
    select country_iso3, table_name, source, count(*) as rows
    from counted
    group by all
),
regional as (
    select c.iso3 as country_iso3, 'hra_deployment' as table_name, h.source, count(*) as rows
    from countries c
    cross join hra_deployment h
    where h.country_iso3 is null
      and year(h.start_date) <= $year_to and (h.end_date is null or year(h.end_date) >= $year_from)
    group by all
),
final as (
    select country_iso3, table_name, source, sum(rows)::bigint as rows
    from (select * from by_country union all select * from regional)
    group by all
)
select * from final order by country_iso3, table_name, source
