-- UPR recommendations that match a full-text search: all of them, newest review first (the search's download).
-- Search: every word or "quoted phrase" of the search box must occur in the text, in any order, case-insensitive
-- (hrdash/search.py splits the box into at most 8 lower-case terms; missing terms are null and match
-- everything, and are skipped before lower(text) is computed). Terms are bound parameters tested with contains(),
-- so quotes, % and _ are plain characters: no escaping, unlike LIKE.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review);
-- $words (list of lower-case terms); $theme (a theme or null); $response ('supported' / 'noted' / 'pending' or null).
-- Grain: one row per matching recommendation.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
matches as (
    select r.*
    from recommendation r
    where r.cycle is not null and r.rec_date between make_date($year_from, 1, 1) and make_date($year_to, 12, 31)
      and r.country_iso3 in (select iso3 from sel)
      and ($theme::varchar is null or list_contains(r.themes, $theme::varchar))
      and ($response::varchar is null or r.response = $response::varchar)
      and (($words::varchar[])[1] is null or contains(lower(r.text), lower(($words::varchar[])[1])))
      and (($words::varchar[])[2] is null or contains(lower(r.text), lower(($words::varchar[])[2])))
      and (($words::varchar[])[3] is null or contains(lower(r.text), lower(($words::varchar[])[3])))
      and (($words::varchar[])[4] is null or contains(lower(r.text), lower(($words::varchar[])[4])))
      and (($words::varchar[])[5] is null or contains(lower(r.text), lower(($words::varchar[])[5])))
      and (($words::varchar[])[6] is null or contains(lower(r.text), lower(($words::varchar[])[6])))
      and (($words::varchar[])[7] is null or contains(lower(r.text), lower(($words::varchar[])[7])))
      and (($words::varchar[])[8] is null or contains(lower(r.text), lower(($words::varchar[])[8])))
),
final as (
    select
        m.rec_date as review_date, c.name as country, m.text, m.response,
        array_to_string(m.themes, '; ') as themes, array_to_string(m.recommending_states, '; ') as recommended_by,
        m.cycle, m.session, m.paragraph, m.implementation, m.document_symbol, m.country_iso3 as iso3, m.id, m.source
    from matches m
    join country c on c.iso3 = m.country_iso3
)
select * from final order by review_date desc, id
