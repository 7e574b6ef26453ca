"""The picture patterns of the registry's templates, for prefetching their renditions
(base/renditions.py): keep each one equal to the `{% picture %}` tag that uses it."""

# exemplars/includes/exemplar_card.html, exemplars/blocks/exemplar_card.html and
# campaigns/includes/honouree_list.html
PORTRAIT_PICTURE = "format-{webp,jpeg} fill-160x160"
