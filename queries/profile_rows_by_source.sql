-- How many rows of each fact table a country's profile covers, by source and by the years each row spans:
-- the counts of rows_by_source.sql for one country (or every country), before the years are chosen. The
-- page adds up the rows whose years overlap its own (hrdash/profile/years.py: sources), so a change of
-- years needs no query.
-- Parameters: $country (ISO3, or null for every country).
-- Grain: one row per country × table × source × (y0, y1). y0 and y1 are the first and last year a row
-- counts for (both null: undated, counts for every year; an open HRA deployment runs to 9999). As in
-- rows_by_source.sql, regional Human Rights Advisers (no country) count for every country.
with countries as (
    select iso3 from country where $country::varchar is null or iso3 = $country::varchar
),
facts as (
    select country_iso3, 'ratification' as table_name, null::int as y0, null::int as y1, source from ratification
    union all select country_iso3, 'tb_report', year(due_date), year(due_date), source from tb_report
    union all select country_iso3, 'sp_visit', year(coalesce(start_date, request_date)),
        year(coalesce(start_date, request_date)), source from sp_visit
    union all select country_iso3, 'standing_invitation', null, null, source from standing_invitation
    union all select country_iso3, 'sp_communication', year(sent_date), year(sent_date), source from sp_communication
    union all select country_iso3, 'upr_review', review_year, review_year, source from upr_review
    union all select country_iso3, 'recommendation', year(rec_date), year(rec_date), source from recommendation
    union all select country_iso3, 'national_mechanism', null, null, source from national_mechanism
    union all select country_iso3, 'stakeholder_submission', year, year, source from stakeholder_submission
    union all select country_iso3, 'unct_engagement', year, year, source from unct_engagement
    union all select country_iso3, 'hra_deployment', year(start_date), coalesce(year(end_date), 9999), source
        from hra_deployment
    union all select country_iso3, 'nhri', null, null, source from nhri
    union all select country_iso3, 'story', year, year, source from story
),
mine as (
    select f.* from facts f where f.country_iso3 in (select iso3 from countries)
    union all
    select c.iso3, f.table_name, f.y0, f.y1, f.source
    from facts f cross join countries c
    where f.country_iso3 is null and f.table_name = 'hra_deployment'
),
final as (
    select country_iso3, table_name, source, y0, y1, count(*) as rows
    from mine
    group by all
)
select * from final order by country_iso3, table_name, source, y0, y1
