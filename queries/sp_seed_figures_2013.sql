-- The 2013 Special Procedures figures of seed 004 (visits, countries visited, communications, States, joint
-- share), with the column of sp_key_figures_by_year that holds the same figure computed from the data.
-- No parameters (the seed's figures are global). Grain: one row per seed figure.
with figures as (
    select * from (values
        (1, 'sp_visits_2013', 'Country visits', 'visits', 1.0),
        (2, 'sp_visit_countries_2013', 'Countries and territories visited', 'countries_visited', 1.0),
        (3, 'sp_communications_2013', 'Communications sent', 'communications', 1.0),
        (4, 'sp_communication_states_2013', 'States and other entities written to', 'states', 1.0),
        (5, 'sp_joint_share_2013', 'Share of communications sent jointly', 'joint_share', 100.0)
    ) as f(position, key, figure, data_column, data_per_seed_unit)
),
final as (
    select f.position, f.key, f.figure, f.data_column, f.data_per_seed_unit, s.value as seed_value, s.unit,
           s.sentence, s.source
    from figures f
    join seed_figure s using (key)
)
select * from final order by position
