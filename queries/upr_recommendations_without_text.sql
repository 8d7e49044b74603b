-- How many UPR recommendations of the selected countries and years have no text in the database (the bundled
-- public cycle-1 facts, whose texts are not part of the dashboard): a text search cannot find them.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review);
-- $theme (a theme or null); $response ('supported' / 'noted' / 'pending' or null).
-- Grain: one row: recommendations without text, and how many of them are bundled public facts.
with chosen as (
    select r.source
    from recommendation r
    join selected_countries($region, $countries::varchar[], $target_ea) s on s.iso3 = r.country_iso3
    where r.cycle is not null and r.text is null
      and r.rec_date between make_date($year_from, 1, 1) and make_date($year_to, 12, 31)
      and ($theme::varchar is null or list_contains(r.themes, $theme::varchar))
      and ($response::varchar is null or r.response = $response::varchar)
),
final as (
    select count(*) as without_text, count(*) filter (where source like 'public:%') as public_without_text
    from chosen
)
select * from final
