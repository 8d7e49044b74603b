-- Row counts of every table by source (tables without a source column count as 'reference').
-- No parameters. Grain: one row per table × source.
with counted as (
    select 'country' as table_name, source from country
    union all select 'instrument', source from instrument
    union all select 'sp_mandate', source from sp_mandate
    union all select 'ea', source from ea
    union all select 'ea_target', source from ea_target
    union all select 'seed_figure', source from seed_figure
    union all select 'upr_session', source from upr_session
    union all select 'ratification', source from ratification
    union all select 'tb_report', source from tb_report
    union all select 'sp_visit', source from sp_visit
    union all select 'standing_invitation', source from standing_invitation
    union all select 'sp_communication', source from sp_communication
    union all select 'upr_review', source from upr_review
    union all select 'recommendation', source from recommendation
    union all select 'national_mechanism', source from national_mechanism
    union all select 'stakeholder_submission', source from stakeholder_submission
    union all select 'unct_engagement', source from unct_engagement
    union all select 'hra_deployment', source from hra_deployment
    union all select 'normative_output', source from normative_output
    union all select 'nhri', source from nhri
    union all select 'story', source from story
),
final as (
    select table_name, source, count(*) as rows from counted group by all
)
select * from final order by table_name, source
