//! Page cruft: which lines are boilerplate, and which are not.

use crosscheck::clean::{boilerplate, is_cruft};

/// (line, is cruft, reason)
const CASES: &[(&str, bool, &str)] = &[
    ("Leave a Reply", true, "comment form heading"),
    ("Click to comment", true, "comment prompt"),
    ("Follow AsumeTech on", true, "follow prompt naming the outlet"),
    ("Follow us on Twitter", true, "follow prompt"),
    ("Read More About: World News", true, "related-links line"),
    ("Connect with us", true, "social links heading"),
    ("To Top", true, "scroll link"),
    ("Your email address will not be published. Required fields are marked *", true, "comment form notice"),
    ("Save my name, email, and website in this browser for the next time I comment.", true, "comment form checkbox"),
    ("More From Category", true, "related-links heading"),
    ("By Sophie Mangal", true, "a byline"),
    ("By Priya Shah, Market Desk", true, "a byline with the desk or outlet after a comma"),
    ("By Ann Lee and Tom Ode", true, "a byline of two writers"),
    ("By Ruth Castel, Valley Courier staff", true, "a byline naming the writer's role after the comma"),
    ("By Noon, Staff Had Left the Building", false, "a title-case headline starting with 'By' and a time, 'staff' before the comma"),
    ("By Ruth Castel, staff said", false, "a role word after the comma, then a verb"),
    ("By Monday, Police Had Arrested Five Men", false, "a title-case headline starting with 'By' and a time"),
    ("Posted by admin", true, "a blog byline"),
    ("About the Author", true, "author box heading"),
    ("Categories: World, Middle East, Politics", true, "category list"),
    ("Share on Facebook", true, "share line"),
    ("Updated: 10:42 GMT", true, "timestamp line"),
    ("Photo: Reuters", true, "photo credit"),
    ("Most Read", true, "sidebar heading"),
    ("Here’s what we know so far:", true, "an outlet's signpost over a section, shown as a claim of the source 'we'"),
    ("What we know about the strike", false, "a signpost with the story's topic after it is a heading of the article, kept"),
    ("We know the strike will go on, the union said.", false, "a statement that starts with 'we know'"),
    ("Turkey continues to allow free passage to fighters.", false, "an article sentence"),
    ("By Monday, 20 had died.", false, "a short sentence starting with 'By'"),
    ("By the end of 2016, some 2,000 fighters had crossed the border into Turkey.", false, "a sentence starting with 'By'"),
    ("Follow the money, investigators said, and you will find the smugglers who moved 2,000 fighters across the border last year.", false, "a long sentence that starts with 'Follow'"),
    ("ADVERTISEMENT . . . . . . . . . . . . . . . . . . . .", true, "a cruft line whose dots make it many words"),
    ("Share this . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .", true, "a cruft line with a long tail of dots"),
    ("Read more about the history of the region in the archives of the ministry, which published 300 documents last year and more this year.", false, "a long sentence, not a link line"),
];

#[test]
fn cruft_lines() {
    let mut failures = Vec::new();
    for (line, want, reason) in CASES {
        if is_cruft(line) != *want {
            failures.push(format!("{line:?}: want cruft={want} ({reason})"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_are_trimmed_lines_of_the_original() {
    let text = "Body text here.\r\n  Leave a Reply  \r\nMore body.\nTo Top";
    let spans = boilerplate(text);
    let got: Vec<&str> = spans.iter().map(|&s| &text[s]).collect();
    assert_eq!(got, ["Leave a Reply", "To Top"]);
}
