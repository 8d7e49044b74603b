-- The model of a UNCT human rights working group: the stories of seed 000 (the Terms of Reference of the UNCT
-- Liberia Human Rights Working Group). Shown as a reference whatever the filters.
-- No parameters. Grain: one row per story of seed 000.
with final as (
    select c.name as country, s.country_iso3 as iso3, s.year, s.text, s.source
    from story s
    join country c on c.iso3 = s.country_iso3
    where s.source = 'seed:000'
)
select * from final order by year, iso3
