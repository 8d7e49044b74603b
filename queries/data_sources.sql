-- Every source of the database's rows and how many rows it has now; for each imported file, its
-- import_log row (id, file, format, counts, when, who). A replaced import has 0 rows now.
-- No parameters. Grain: one row per import_log entry, plus one per other source (reference, seed:NNN, demo).
with tagged as (
    select source from ratification
    union all select source from tb_report
    union all select source from sp_visit
    union all select source from standing_invitation
    union all select source from sp_communication
    union all select source from upr_review
    union all select source from recommendation
    union all select source from national_mechanism
    union all select source from stakeholder_submission
    union all select source from unct_engagement
    union all select source from hra_deployment
    union all select source from normative_output
    union all select source from nhri
    union all select source from story
),
rows_now as (
    select source, count(*) as rows_now from tagged group by source
),
imports as (
    select
        l.id, 'import:' || left(l.sha256, 16) as source, l.imported_at, l.file_name, l.format, l.inserted,
        l.replaced, l.skipped, coalesce(r.rows_now, 0) as rows_now, l.imported_by, l.sha256
    from import_log l
    left join rows_now r on r.source = 'import:' || left(l.sha256, 16)
),
others as (
    select
        null::integer as id, source, null::timestamp as imported_at, null as file_name, null as format,
        null::integer as inserted, null::integer as replaced, null::integer as skipped, rows_now,
        null as imported_by, null as sha256
    from rows_now
    where source not like 'import:%'
),
final as (
    select * from imports
    union all
    select * from others
)
select * from final order by id desc nulls last, source
