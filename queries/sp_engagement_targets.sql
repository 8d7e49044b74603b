-- EA6 target countries of seed 004 that should "improve their engagement with special procedures"
-- (ea_target kind 'sp_engagement'), among the selected countries: the three measures the seed names, in the
-- baseline years and in the current years, and whether the target is met. The measure and the rule are the
-- schema's table macro sp_engagement_status, the same the Expected accomplishments page reads
-- (ea6_target_status.sql), so both pages show the same figures and the same "met":
--   standing invitation: extended by 31 December of the last baseline year / of the last current year;
--   visit requests: of those made in the years and answered (status other than 'requested'), the share accepted
--     or completed (EA6.5);
--   communications: of those sent in the years, the share the State replied to (EA6.6);
--   met: 'yes' on any of the three ways, 'no', or 'no data'.
-- Parameters: $region, $countries, $target_ea (country selection); $base_from, $base_to (baseline years);
-- $now_from, $now_to (current years): hrdash/model/targets.windows(year_to).
-- Grain: one row per target country in the selection.
with status as (
    select * from sp_engagement_status($region, $countries::varchar[], $target_ea, $base_from, $base_to,
                                       $now_from, $now_to)
),
final as (
    select
        s.country_iso3 as iso3, c.name, t.name_in_seed, c.ohchr_region,
        s.met,
        s.invited_at_baseline as invitation_base,
        s.invited_by_now as invitation_now,
        s.invited as invitation_date,
        s.newly_invited,
        s.base_requests as requests_answered_base,
        round(s.base_acceptance, 1) as acceptance_base,
        s.now_requests as requests_answered_now,
        round(s.now_acceptance, 1) as acceptance_now,
        s.base_sent as communications_base,
        round(s.base_reply, 1) as reply_rate_base,
        s.now_sent as communications_now,
        round(s.now_reply, 1) as reply_rate_now,
        coalesce(nullif(array_to_string(s.sources, ', '), ''), 'no rows') as status_source
    from status s
    join country c on c.iso3 = s.country_iso3
    join ea_target t on t.country_iso3 = s.country_iso3 and t.ea_code = 'EA6' and t.target_kind = 'sp_engagement'
)
select * from final order by name
