-- How many rows of each fact table the view covers, by source (demo, seed:NNN, import:…).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per table × source. Undated tables (ratification status, NHRIs, standing
-- invitations, national mechanisms) count every row of the selected countries.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
counted as (
    select 'ratification' as table_name, source from ratification where country_iso3 in (select iso3 from sel)
    union all select 'tb_report', source from tb_report
        where country_iso3 in (select iso3 from sel) and year(due_date) between $year_from and $year_to
    union all select 'sp_visit', source from sp_visit
        where country_iso3 in (select iso3 from sel) and year(coalesce(start_date, request_date)) between $year_from and $year_to
    union all select 'standing_invitation', source from standing_invitation where country_iso3 in (select iso3 from sel)
    union all select 'sp_communication', source from sp_communication
        where country_iso3 in (select iso3 from sel) and year(sent_date) between $year_from and $year_to
    union all select 'upr_review', source from upr_review
        where country_iso3 in (select iso3 from sel) and year(review_date) between $year_from and $year_to
    union all select 'recommendation', source from recommendation
        where country_iso3 in (select iso3 from sel) and year(rec_date) between $year_from and $year_to
    union all select 'national_mechanism', source from national_mechanism where country_iso3 in (select iso3 from sel)
    union all select 'stakeholder_submission', source from stakeholder_submission
        where country_iso3 in (select iso3 from sel) and year between $year_from and $year_to
    union all select 'unct_engagement', source from unct_engagement
        where country_iso3 in (select iso3 from sel) and year between $year_from and $year_to
    union all select 'hra_deployment', source from hra_deployment
        where (country_iso3 in (select iso3 from sel) or country_iso3 is null)
          and year(start_date) <= $year_to and (end_date is null or year(end_date) >= $year_from)
    union all select 'nhri', source from nhri where country_iso3 in (select iso3 from sel)
    union all select 'story', source from story
        where country_iso3 in (select iso3 from sel) and year between $year_from and $year_to
),
final as (
    select table_name, source, count(*) as rows
    from counted
    group by all
)
select * from final order by table_name, source
