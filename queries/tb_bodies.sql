-- The nine treaty bodies that review State reports (the committees of the core treaties), for the
-- page's choice of bodies. No parameters. Grain: one row per treaty body.
select code as body, body_name
from instrument
where kind = 'core'
order by code
