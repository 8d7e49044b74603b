-- The themes of UPR recommendations, for the search page's theme filter. No parameters.
-- Grain: one row per theme.
with themed as (
    select distinct unnest(themes) as theme from recommendation where cycle is not null
),
final as (
    select theme from themed
)
select * from final order by theme
