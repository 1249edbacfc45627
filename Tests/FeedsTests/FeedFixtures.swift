import Foundation

/// Feed documents written for these tests, one per format and quirk.
enum FeedFixtures {
    static let rss20 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"
         xmlns:atom="http://www.w3.org/2005/Atom">
      <channel>
        <title>Example &amp; Friends</title>
        <link>https://example.com/</link>
        <atom:link rel="self" href="https://example.com/feed.xml"/>
        <description>News from the example</description>
        <language>en-gb</language>
        <item>
          <title>First post</title>
          <link>https://example.com/posts/1</link>
          <guid isPermaLink="false">post-1</guid>
          <description>A short summary.</description>
          <content:encoded><![CDATA[<p>The <b>full</b> text with &nbsp; entity kept for HTML.</p>]]></content:encoded>
          <dc:creator>Jane Doe</dc:creator>
          <pubDate>Tue, 05 Mar 2024 14:30:00 +0100</pubDate>
          <category>Swift</category>
          <category>Terminals</category>
          <enclosure url="https://example.com/a.mp3" type="audio/mpeg" length="12345"/>
          <media:content url="https://example.com/pic.jpg" type="image/jpeg"/>
        </item>
        <item>
          <title>Second &lt;post&gt;</title>
          <link>/posts/2</link>
          <description>&lt;p&gt;Escaped &lt;em&gt;HTML&lt;/em&gt; body&lt;/p&gt;</description>
          <author>bob@example.com (Bob Roe)</author>
          <dc:date>2024-03-06T08:00:00Z</dc:date>
        </item>
        <item>
          <description>Just a note without any title, long enough to make a title from its first words here.</description>
          <guid>https://example.com/notes/3</guid>
        </item>
      </channel>
    </rss>
    """

    static let rss091 = """
    <?xml version="1.0" encoding="ISO-8859-1"?>
    <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
    <rss version="0.91"><channel><title>Old school</title><link>http://old.example.com/</link>
    <description>0.91</description><language>en</language>
    <item><title>Legacy item</title><link>http://old.example.com/1</link><description>Plain &eacute;t&eacute;</description></item>
    </channel></rss>
    """

    static let rdf = """
    <?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel rdf:about="https://rdf.example.org/">
        <title>RDF Site</title><link>https://rdf.example.org/</link><description>RSS 1.0</description>
        <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example.org/a"/></rdf:Seq></items>
      </channel>
      <item rdf:about="https://rdf.example.org/a">
        <title>RDF item A</title><link>https://rdf.example.org/a</link>
        <description>Item A text</description>
        <dc:subject>Semantic Web</dc:subject><dc:subject>XML</dc:subject>
        <dc:creator>Tim</dc:creator><dc:date>2024-02-01T10:00:00+02:00</dc:date>
      </item>
      <item rdf:about="https://rdf.example.org/b">
        <title>RDF item B</title><link>https://rdf.example.org/b</link>
        <content:encoded>&lt;p&gt;Rich B&lt;/p&gt;</content:encoded>
      </item>
    </rdf:RDF>
    """

    static let atom10 = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.net/blog/" xml:lang="en">
      <title type="text">Atom Blog</title>
      <subtitle>Sub</subtitle>
      <link rel="self" href="feed.atom"/>
      <link rel="alternate" href="./"/>
      <updated>2024-04-01T12:00:00Z</updated>
      <id>urn:uuid:feed</id>
      <entry>
        <title type="html">Hello &lt;em&gt;world&lt;/em&gt; &amp;amp; more</title>
        <link href="posts/hello"/>
        <link rel="enclosure" href="/media/hello.ogg" type="audio/ogg" length="99"/>
        <id>tag:atom.example.net,2024:hello</id>
        <published>2024-03-31T09:00:00-04:00</published>
        <updated>2024-04-01T09:00:00Z</updated>
        <author><name>Ann Author</name></author>
        <category term="news"/><category term="x" label="Labelled"/>
        <summary type="text">Plain summary &amp; more</summary>
        <content type="html">&lt;p&gt;HTML &lt;a href="rel/link"&gt;content&lt;/a&gt;&lt;/p&gt;</content>
      </entry>
      <entry xml:base="https://other.example.net/deep/">
        <title>XHTML entry</title>
        <link rel="alternate" href="page.html"/>
        <id>tag:atom.example.net,2024:xhtml</id>
        <updated>2024-04-02T10:00:00Z</updated>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>An <strong>xhtml</strong> paragraph &amp; <a href="x">link</a>.</p></div></content>
      </entry>
      <entry>
        <title>Text entry</title>
        <id>tag:atom.example.net,2024:text</id>
        <updated>2024-04-03T10:00:00Z</updated>
        <content>First &lt;not a tag&gt; paragraph.

    Second paragraph.</content>
      </entry>
    </feed>
    """

    static let atom03 = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed version="0.3" xmlns="http://purl.org/atom/ns#">
      <title>Old Atom</title>
      <link rel="alternate" type="text/html" href="http://atom03.example.com/"/>
      <modified>2004-01-01T00:00:00Z</modified>
      <entry>
        <title>Escaped mode</title>
        <link rel="alternate" type="text/html" href="http://atom03.example.com/1"/>
        <id>tag:atom03,1</id>
        <issued>2003-12-13T08:29:29-04:00</issued>
        <modified>2003-12-13T18:30:02Z</modified>
        <content type="text/html" mode="escaped">&lt;p&gt;Escaped &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;</content>
      </entry>
      <entry>
        <title>Base64 mode</title>
        <id>tag:atom03,2</id>
        <issued>2003-12-14T08:29:29Z</issued>
        <content type="text/html" mode="base64">PHA+QmFzZSBzaXh0eS1mb3VyPC9wPg==</content>
      </entry>
    </feed>
    """

    static let jsonFeed11 = """
    {
      "version": "https://jsonfeed.org/version/1.1",
      "title": "JSON Feed Blog",
      "home_page_url": "https://json.example.com/",
      "feed_url": "https://json.example.com/feed.json",
      "authors": [{"name": "Feed Author"}],
      "language": "en",
      "items": [
        {
          "id": "1",
          "url": "https://json.example.com/1",
          "title": "JSON one",
          "content_html": "<p>Hello <a href=\\"/about\\">about</a></p>",
          "summary": "Summary one",
          "date_published": "2024-05-01T10:00:00+00:00",
          "tags": ["json", "feeds"],
          "attachments": [{"url": "https://json.example.com/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 42}]
        },
        {
          "id": 2,
          "content_text": "Only text, no title here at all",
          "date_published": "not a date",
          "authors": [{"name": "Item Author"}]
        }
      ]
    }
    """

    static let jsonFeed10 = """
    {"version": "https://jsonfeed.org/version/1", "title": "Old JSON",
     "author": {"name": "Solo"},
     "items": [{"id": "a", "url": "https://j10.example.com/a", "title": "A", "content_html": "<p>A</p>"}]}
    """
}
