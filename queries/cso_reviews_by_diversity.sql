-- How diverse the civil society actors using the mechanisms are: the reviews of the selected countries in the
-- selected years (a UPR review, or a year of treaty-body reviews) by the number of distinct submitter types (1-4:
-- NHRI, national NGO, coalition, international NGO) that made a submission to them.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per mechanism × number of submitter types (1 to 4), reviews = 0 where none.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
per_review as (
    select s.country_iso3, s.mechanism, s.year, count(*) as submitter_types
    from stakeholder_submission s
    join sel on sel.iso3 = s.country_iso3
    where s.year between $year_from and $year_to and s.count > 0
    group by s.country_iso3, s.mechanism, s.year
),
levels as (
    select m.mechanism, l.submitter_types
    from (values ('UPR'), ('treaty bodies')) m(mechanism)
    cross join (select unnest(range(1, 5))::bigint as submitter_types) l
),
final as (
    select l.mechanism, l.submitter_types, count(p.country_iso3) as reviews
    from levels l
    left join per_review p on p.mechanism = l.mechanism and p.submitter_types = l.submitter_types
    group by l.mechanism, l.submitter_types
)
select * from final order by mechanism <> 'UPR', submitter_types
