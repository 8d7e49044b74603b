-- What is in the data, for the Data page: rows, first and last year, and the rows that are demo, of every fact
-- table (the year of its main date: a ratification's consent or signature, a report's due date, a visit's start or
-- request, a recommendation's date, …; rows without one count in rows but not in the years).
-- No parameters. Grain: one row per fact table × kind of source ('demo' or another: real).
with dated as (
    select 'ratification' as table_name, source, year(coalesce(consent_date, signature_date)) as year from ratification
    union all select 'tb_report', source, year(due_date) from tb_report
    union all select 'sp_visit', source, year(coalesce(start_date, request_date)) from sp_visit
    union all select 'standing_invitation', source, year(extended_date) from standing_invitation
    union all select 'sp_communication', source, year(sent_date) from sp_communication
    union all select 'upr_review', source, review_year from upr_review
    union all select 'recommendation', source, year(rec_date) from recommendation
    union all select 'national_mechanism', source, year(established) from national_mechanism
    union all select 'stakeholder_submission', source, year from stakeholder_submission
    union all select 'unct_engagement', source, year from unct_engagement
    union all select 'hra_deployment', source, year(start_date) from hra_deployment
    union all select 'normative_output', source, year(date) from normative_output
    union all select 'nhri', source, year from nhri
    union all select 'story', source, year from story
),
final as (
    select
        table_name,
        source = 'demo' as demo,
        count(*) as rows,
        min(year) as first_year,
        max(year) as last_year,
        string_agg(distinct source, ', ' order by source) as sources
    from dated
    group by all
)
select * from final order by table_name, demo
