#!/usr/bin/env python3
"""Writes the demo news site (feeds + article pages) that Barometer serves under /demo/ and crawls on
first start. Run it after editing articles.py:  python3 tools/demo-site/generate.py
The output is committed, so a build needs no Python."""
import html
import json
import os
import shutil
from datetime import datetime
from email.utils import format_datetime

from articles import ARTICLES, OUTLETS

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "api", "src", "main", "resources", "META-INF", "resources", "demo")


def when(iso):
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def path_of(outlet, published, slug):
    # The outlet whose pages carry no date also keeps dates out of its URLs, so only its feed can date them.
    if OUTLETS[outlet]["date_in"] == "feed-only":
        return f"news/{slug}.html"
    d = when(published)
    return f"{d:%Y}/{d:%m}/{slug}.html"


def page(outlet, published, slug, title, paragraphs, others):
    o = OUTLETS[outlet]
    e = html.escape
    head_date, byline_date = "", ""
    if o["date_in"] == "jsonld":
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
              "datePublished": published, "publisher": {"@type": "Organization", "name": o["name"]}}
        head_date = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    elif o["date_in"] == "meta":
        head_date = f'<meta property="article:published_time" content="{published}">'
    elif o["date_in"] == "time":
        byline_date = f' &middot; <time datetime="{published}">{when(published):%B %d, %Y}</time>'
    body = "\n".join(f"        <p>{e(p)}</p>" for p in paragraphs)
    most_read = "\n".join(f'        <li><a href="../../{path_of(outlet, p, s)}">{e(t)}</a></li>'
                          if o["date_in"] != "feed-only" else
                          f'        <li><a href="{s}.html">{e(t)}</a></li>'
                          for (_, p, s, t, _) in others[:4])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(title)} | {e(o['name'])}</title>
  <meta property="og:title" content="{e(title)}">
  <meta property="og:site_name" content="{e(o['name'])}">
  <meta property="og:type" content="article">
  {head_date}
</head>
<body>
  <header class="masthead">
    <a class="logo" href="/demo/{outlet}/">{e(o['name'])}</a>
    <nav><ul><li><a href="#">Politics</a></li><li><a href="#">Business</a></li><li><a href="#">Weather</a></li><li><a href="#">Opinion</a></li><li><a href="#">Subscribe today and save</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>{e(title)}</h1>
      <p class="byline">By the {e(o['name'])} staff{byline_date}</p>
      <div class="article-body">
{body}
      </div>
    </article>
    <aside class="sidebar">
      <h2>Most read</h2>
      <ul>
{most_read}
      </ul>
      <div class="newsletter">Sign up for our morning newsletter and never miss the stories that matter most to you.</div>
    </aside>
  </main>
  <section class="comments">
    <h2>Comments (2)</h2>
    <div class="comment"><p>Great reporting as always, but I think the headline misses the real point of the story here.</p></div>
    <div class="comment"><p>Terrible take. Cancel my subscription immediately, this paper has lost its way completely.</p></div>
  </section>
  <footer><p>&copy; {e(o['name'])}. All rights reserved. About us &middot; Contact &middot; Privacy policy &middot; Terms of use.</p></footer>
</body>
</html>
"""


def rss(outlet, items):
    o = OUTLETS[outlet]
    entries = "\n".join(f"""    <item>
      <title>{html.escape(t)}</title>
      <link>{path_of(outlet, p, s)}</link>
      <guid isPermaLink="false">{outlet}:{s}</guid>
      <pubDate>{format_datetime(when(p), usegmt=True)}</pubDate>
      <description>{html.escape(ps[0])}</description>
    </item>""" for (_, p, s, t, ps) in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>{html.escape(o['name'])}</title>
    <link>/demo/{outlet}/</link>
    <description>Demo news for Barometer (invented stories)</description>
    <language>en-us</language>
{entries}
  </channel>
</rss>
"""


def atom(outlet, items):
    o = OUTLETS[outlet]
    entries = "\n".join(f"""  <entry>
    <title>{html.escape(t)}</title>
    <id>urn:barometer-demo:{outlet}:{s}</id>
    <link href="{path_of(outlet, p, s)}"/>
    <published>{p}</published>
    <updated>{p}</updated>
    <summary>{html.escape(ps[0])}</summary>
  </entry>""" for (_, p, s, t, ps) in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{html.escape(o['name'])}</title>
  <id>urn:barometer-demo:{outlet}</id>
  <updated>{items[0][1]}</updated>
{entries}
</feed>
"""


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    feeds = []
    for outlet, o in OUTLETS.items():
        items = sorted((a for a in ARTICLES if a[0] == outlet), key=lambda a: a[1], reverse=True)
        for i, (_, p, s, t, ps) in enumerate(items):
            target = os.path.join(OUT, outlet, path_of(outlet, p, s))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as f:
                f.write(page(outlet, p, s, t, ps, items[:i] + items[i + 1:]))
        name = "feed.xml" if o["feed"] == "rss" else "atom.xml"
        with open(os.path.join(OUT, outlet, name), "w", encoding="utf-8") as f:
            f.write(rss(outlet, items) if o["feed"] == "rss" else atom(outlet, items))
        feeds.append(f"/demo/{outlet}/{name}")
    listing = "\n".join(f'    <li><a href="{f}">{f}</a></li>' for f in feeds)
    with open(os.path.join(OUT, "index.html"), "w", encoding="utf-8") as f:
        f.write(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Barometer demo news</title></head>
<body>
  <h1>Barometer demo news</h1>
  <p>{len(ARTICLES)} invented articles from four invented outlets, 2016-2019, for Barometer's embedded default.</p>
  <ul>
{listing}
  </ul>
</body></html>
""")
    print(f"wrote {len(ARTICLES)} articles and {len(feeds)} feeds to {os.path.normpath(OUT)}")
    print(",".join(feeds))


if __name__ == "__main__":
    main()
