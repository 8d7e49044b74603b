-- UPR recommendations that match a full-text search: all of them, newest review first (the search's download).
-- Search: every word or "quoted phrase" of the search box must occur in the text, in any order, case-insensitive
-- (hrdash/model/search.py splits the box into at most 8 lower-case terms). The matches are the schema's table macro
-- upr_search_matches (hrdash/db/schema.sql), one definition for the page and the download: terms are bound and tested
-- with contains(), so quotes, % and _ are plain characters (no escaping, unlike LIKE); missing terms are null and
-- skipped before lower(text) is computed.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review);
-- $words (list of lower-case terms); $theme (a theme or null); $response ('supported' / 'noted' / 'pending' or null).
-- Grain: one row per matching recommendation.
with matches as (
    select r.*
    from upr_search_matches(
        $region, $countries::varchar[], $target_ea, $year_from, $year_to, $theme, $response, $words::varchar[]
    ) r
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
