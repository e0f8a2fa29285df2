# gapcheck: every set-up step lives here, so a fresh clone needs only `make demo` or `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
MODELS  := models/MANIFEST.json
TAGGER  := models/tagger.npz
SAMPLE_CV     := data/samples/cv_software_engineer.pdf
SAMPLE_ADVERT := data/samples/advert_backend_engineer.txt

.PHONY: demo test models bench bench-extraction bench-startup bench-screen report-png clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[build,test]"
	touch $(STAMP)

# models/ is compiled from data/ by scripts/build_models.py; rebuilt when the script or its inputs change.
$(MODELS): $(STAMP) scripts/build_models.py $(shell find data/taxonomy data/curation data/corpus -type f 2>/dev/null)
	$(BIN)/python scripts/build_models.py

# The advert span tagger, trained on SkillSpan's train split over the compiled tables (about a minute).
# Its features include what the matcher and the sectioner say, so changes there retrain it too.
$(TAGGER): $(MODELS) scripts/train_tagger.py data/corpus/skillspan_train_dev.jsonl $(wildcard src/gapcheck/extraction/*.py src/gapcheck/sectioning/*.py src/gapcheck/sectioning/rules/*.json)
	$(BIN)/python scripts/train_tagger.py

models: $(MODELS) $(TAGGER)

demo: $(MODELS) $(TAGGER)
	$(BIN)/gapcheck $(SAMPLE_CV) $(SAMPLE_ADVERT)

test: $(MODELS) $(TAGGER)
	$(BIN)/python -m pytest -q

bench-extraction: $(MODELS) $(TAGGER)
	$(BIN)/python benchmarks/extraction.py

bench-startup: $(MODELS) $(TAGGER)
	$(BIN)/python benchmarks/startup.py

bench-screen: $(MODELS) $(TAGGER)
	$(BIN)/python benchmarks/screen.py

bench: bench-startup bench-extraction bench-screen

# See the HTML report as a person does: render it with headless Chromium (Debian's chromium package).
report-png: $(MODELS) $(TAGGER)
	mkdir -p out
	$(BIN)/gapcheck $(SAMPLE_CV) $(SAMPLE_ADVERT) --format html -o out/report.html
	$(BIN)/python scripts/render_png.py out/report.html out/report.png --pdf out/report.pdf --pages out/report-pages

clean:
	rm -rf $(VENV) models/*.json models/*.jsonl build dist src/*.egg-info
