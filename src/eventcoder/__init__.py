"""eventcoder: news reports in, an auditable armed-conflict event dataset out."""
