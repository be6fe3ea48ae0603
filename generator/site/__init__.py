"""Everything that happens around and after MkDocs' own build: the pages are generated before
it (`build.SiteBuild.configure` runs the pipeline), and the search index, the offline ZIP,
redirects, sitemaps, the staging folder and `serve --dirty` previews beside and after it.

`build.SiteBuild` is what the MkDocs plugin (`generator.mkdocs_plugin`) calls from each event;
the other modules are plain functions and small classes that work without MkDocs.
"""
