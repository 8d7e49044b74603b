.PHONY: run test check build bench

run:        ## install and start the app on the embedded data
	pip install -r requirements.txt && streamlit run app.py

test check: ## install, lint and run the whole test suite
	bash scripts/test.sh

build:      ## (re)build the database at scale 1
	python -m hrdash build

bench:      ## page speed and build time (see bench/README.md)
	python bench/build_speed.py && python bench/page_speed.py
