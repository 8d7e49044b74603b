-- One page of the UPR recommendations that match a full-text search, with how many match in all and by response,
-- from one scan of the texts (the page shows both; upr_search_results is the download of every match).
-- Search: every word or "quoted phrase" of the search box must occur in the text, in any order, case-insensitive
-- (hrdash/model/search.py splits the box into at most 8 lower-case terms). The matches are the schema's table macro
-- upr_search_matches (hrdash/db/schema.sql), one definition for the page and the download: terms are bound and tested
-- with contains(), so quotes, % and _ are plain characters (no escaping, unlike LIKE); missing terms are null and
-- skipped before lower(text) is computed.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review);
-- $words (list of lower-case terms); $theme (a theme or null); $response ('supported' / 'noted' / 'pending' or null);
-- $limit, $offset: the page.
-- Grain: one row per recommendation of the page, newest review first, each carrying the totals; a single row
-- with the totals and empty recommendation columns when nothing matches.
-- Only the keys of the matches: one scan serves both the counts and the page.
with matches as (
    select r.id, r.rec_date, r.response
    from upr_search_matches(
        $region, $countries::varchar[], $target_ea, $year_from, $year_to, $theme, $response, $words::varchar[]
    ) r
),
counts as (
    select
        count(*) as matches,
        count(*) filter (where response = 'supported') as supported,
        count(*) filter (where response = 'noted') as noted,
        count(*) filter (where response = 'pending') as pending
    from matches
),
page as (
    select id, rec_date from matches order by rec_date desc, id limit $limit offset $offset
),
page_rows as (
    select
        p.rec_date as review_date, c.name as country, r.text, r.response,
        array_to_string(r.themes, '; ') as themes, array_to_string(r.recommending_states, '; ') as recommended_by,
        r.cycle, r.session, r.paragraph, r.implementation, r.document_symbol, r.country_iso3 as iso3, r.id, r.source
    from page p
    join recommendation r on r.id = p.id
    join country c on c.iso3 = r.country_iso3
),
final as (
    select page_rows.*, counts.* from counts left join page_rows on true
)
select * from final order by review_date desc, id
