-- The figures seed 002 states about Human Rights Advisers (e.g. 18 HRAs on 30 June 2011; the 2012-2013 plan of
-- 20 new HRAs and up to 4 regional advisers), with the sentence they come from. Not filtered: they are global.
-- No parameters. Grain: one row per seed figure whose key starts with 'hra_'.
with final as (
    select key, value, unit, as_of, sentence, source
    from seed_figure
    where key like 'hra\_%' escape '\'
)
select * from final order by key
