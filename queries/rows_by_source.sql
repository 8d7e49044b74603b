-- How many rows of each fact table the view covers, by source (demo, seed:NNN, import:…).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per table × source. Undated tables (ratification status, NHRIs, standing
-- invitations, national mechanisms) count every row of the selected countries; HRA
-- deployments count when they overlap the years; regional advisers (no country) always count.
with facts as (
    select 'ratification' as table_name, country_iso3, null::int as y0, null::int as y1, source from ratification
    union all select 'tb_report', country_iso3, year(due_date), year(due_date), source from tb_report
    union all select 'sp_visit', country_iso3, year(coalesce(start_date, request_date)),
        year(coalesce(start_date, request_date)), source from sp_visit
    union all select 'standing_invitation', country_iso3, null, null, source from standing_invitation
    union all select 'sp_communication', country_iso3, year(sent_date), year(sent_date), source from sp_communication
    union all select 'upr_review', country_iso3, review_year, review_year, source from upr_review
    union all select 'recommendation', country_iso3, year(rec_date), year(rec_date), source from recommendation
    union all select 'national_mechanism', country_iso3, null, null, source from national_mechanism
    union all select 'stakeholder_submission', country_iso3, year, year, source from stakeholder_submission
    union all select 'unct_engagement', country_iso3, year, year, source from unct_engagement
    union all select 'hra_deployment', country_iso3, year(start_date), coalesce(year(end_date), 9999), source
        from hra_deployment
    union all select 'nhri', country_iso3, null, null, source from nhri
    union all select 'story', country_iso3, year, year, source from story
),
sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select f.table_name, f.source, count(*) as rows
    from facts f
    left join sel on sel.iso3 = f.country_iso3
    where (sel.iso3 is not null or (f.country_iso3 is null and f.table_name = 'hra_deployment'))
      and (f.y0 is null or (f.y0 <= $year_to and f.y1 >= $year_from))
    group by all
)
select * from final order by table_name, source
