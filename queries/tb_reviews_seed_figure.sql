-- The seed's figure for State reports the treaty bodies review a year (seed 004: "an average of 120
-- State Party reports each year", all countries and bodies), with its sentence and source.
-- No parameters. Grain: one row.
select value, as_of, sentence, source
from seed_figure
where key = 'tb_reviews_per_year'
