"""Small pure helpers shared by ingest, browse, reports and track, importing none of them."""
