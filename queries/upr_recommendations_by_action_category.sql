-- UPR recommendations to the selected countries by UPR Info's action category (1 minimal action ... 5 specific
-- action) and response: only recommendations whose source gives the category (the bundled UPR Info facts, sessions
-- 1-9, and imported UPR Info exports).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review).
-- Grain: one row per action category (1-5) with any recommendation; counts per response and the supported share
-- (% of those with a response, 1 decimal).
with chosen as (
    select r.action_category, r.response
    from recommendation r
    join selected_countries($region, $countries::varchar[], $target_ea) s on s.iso3 = r.country_iso3
    where r.cycle is not null and r.action_category is not null
      and r.rec_date between make_date($year_from, 1, 1) and make_date($year_to, 12, 31)
),
final as (
    select
        action_category,
        count(*) as total,
        count(*) filter (where response = 'supported') as supported,
        count(*) filter (where response = 'noted') as noted,
        count(*) filter (where response = 'pending') as pending,
        round(100.0 * count(*) filter (where response = 'supported')
              / nullif(count(*) filter (where response in ('supported', 'noted')), 0), 1) as supported_share
    from chosen
    group by action_category
)
select * from final order by action_category
