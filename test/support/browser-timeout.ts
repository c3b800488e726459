// Browser tests drive Chromium, the API and often a worker while another test file runs beside
// them on two cores: a page with an axe-core scan takes seconds, not milliseconds.
jest.setTimeout(120_000);
