"""A brief as data: the model and its field declarations, the article's paragraphs,
[[id]] links and the link index, and what rows and details say (views)."""
