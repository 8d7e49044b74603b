-- One page of the UPR recommendations that match a full-text search, with how many match in all and by response,
-- from one scan of the texts (the page shows both; upr_search_results is the download of every match).
-- Search: every word or "quoted phrase" of the search box must occur in the text, in any order, case-insensitive
-- (hrdash/search.py splits the box into at most 8 lower-case terms; missing terms are null and match
-- everything, and are skipped before lower(text) is computed). Terms are bound parameters tested with contains(),
-- so quotes, % and _ are plain characters: no escaping, unlike LIKE.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review);
-- $words (list of lower-case terms); $theme (a theme or null); $response ('supported' / 'noted' / 'pending' or null);
-- $limit, $offset: the page.
-- Grain: one row per recommendation of the page, newest review first, each carrying the totals; a single row
-- with the totals and empty recommendation columns when nothing matches.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
-- Only the keys of the matches: one scan serves both the counts and the page.
matches as (
    select r.id, r.rec_date, r.response
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
