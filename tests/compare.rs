//! Cross-source comparison on small texts written for each case: groups, origins, names
//! and omissions.

mod common;

use crosscheck::report::GroupStatus;
use crosscheck::Source;

use common::*;

#[test]
fn entities_merge_across_sources_by_folded_key() {
    // Reason: "Erdoğan" and "Erdogan" are one person; case and diacritics must not split them.
    let r = run(&[
        "Officials met President Erdoğan in Ankara.",
        "Officials met President Erdogan in ANKARA today, police said.",
    ]);
    let e = r
        .comparison
        .entities
        .iter()
        .find(|e| e.key == "erdogan")
        .expect("erdogan cluster");
    assert_eq!(e.sources.get("s1"), 1);
    assert_eq!(e.sources.get("s2"), 1);
    assert_eq!(e.names, ["Erdogan", "Erdoğan"]);
}

#[test]
fn unrelated_claims_stay_single_source() {
    // Reason: two check-worthy claims that share nothing must not be grouped.
    let r = run(&[
        "Turkish police arrested 20 ISIS suspects in Kayseri on Monday.",
        "The European Central Bank raised interest rates by 0.5 percent in Frankfurt.",
    ]);
    assert_eq!(r.comparison.claims.len(), 2);
    assert!(r
        .comparison
        .claims
        .iter()
        .all(|g| g.status == GroupStatus::SingleSource && g.sources == 1));
}

#[test]
fn every_claim_is_in_exactly_one_group() {
    // Reason: every statement can be corroborated, whatever its check-worthiness; the claims
    // board lists groups, and a claim missing from it, or shown twice, would mislead.
    let texts: Vec<String> = (1..=5)
        .map(|i| {
            std::fs::read_to_string(format!(
                "{}/www/examples/{}",
                env!("CARGO_MANIFEST_DIR"),
                example(i)
            ))
            .unwrap()
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let r = run(&refs);
    let mut seen = std::collections::HashSet::new();
    for g in &r.comparison.claims {
        for m in &g.members {
            assert!(
                seen.insert((m.source.clone(), m.claim)),
                "claim in two groups"
            );
        }
    }
    let claims: usize = r.sources.iter().map(|s| s.claims.len()).sum();
    assert_eq!(seen.len(), claims);
    assert!(r
        .sources
        .iter()
        .flat_map(|s| &s.claims)
        .any(|c| !c.checkworthy));
}

#[test]
fn a_headline_groups_with_the_claim_it_states_whatever_its_score() {
    // Reason: a headline states the story's main claim in few words; the check-worthiness model,
    // learned from debate transcripts, scores it low, but another source stating the same thing
    // corroborates it.
    let r = run(&[
        "ISIS Militants and Commanders Flee to Turkey\n\nSome text follows here about the war.",
        "Leading ISIS militants and commanders have fled to Turkey, officials said on Monday.",
    ]);
    let headline = &r.sources[0].claims[0];
    assert!(
        headline.text.starts_with("ISIS Militants"),
        "{}",
        headline.text
    );
    let g = r
        .comparison
        .claims
        .iter()
        .find(|g| g.members.iter().any(|m| m.source == "s1" && m.claim == 0))
        .expect("the headline is in a group");
    assert!(g.members.iter().any(|m| m.source == "s2"), "{g:?}");
}

#[test]
fn two_outlets_relaying_one_agency_are_one_origin() {
    // Reason: both quote the same named source, so five outlets would still be one origin.
    let r = run(&[
        "Police detained 20 ISIS suspects in Kayseri on Monday, Anadolu Agency reported.",
        "Twenty ISIS suspects were detained by police in Kayseri on Monday, according to Anadolu Agency.",
    ]);
    let g = group_of(&r, "s1", "Kayseri");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_eq!(g.origins, 1, "{g:?}");
}

#[test]
fn copied_wire_text_is_one_origin() {
    // Reason: two outlets printing the same wire sentence are one origin, not two.
    let wire = "Turkish police detained 20 suspected ISIS members in raids across Istanbul on Tuesday morning.";
    let r = run(&[wire, &format!("{wire} The raids followed a tip-off.")]);
    let g = group_of(&r, "s1", "raids");
    assert_eq!(g.sources, 2);
    assert_eq!(g.origins, 1, "{g:?}");
}

#[test]
fn an_entity_most_sources_name_is_an_omission_where_missing() {
    // Reason: three of four sources name Kayseri; the fourth leaves it out.
    let r = run(&[
        "Police detained 20 suspects in Kayseri on Monday.",
        "Twenty suspects were held in Kayseri, police said.",
        "Kayseri police arrested 20 people on Monday.",
        "Police arrested 20 people in central Turkey on Monday.",
    ]);
    let e = r
        .comparison
        .entities
        .iter()
        .find(|e| e.key == "kayseri")
        .unwrap();
    assert_eq!(e.omitted_by, ["s4"]);
    assert_eq!(r.sources[3].summary.omits, ["kayseri"]);
    assert!(r.sources[0].summary.omits.is_empty());
}

#[test]
fn a_claim_not_grouped_shows_its_closest_claim_elsewhere() {
    // Reason: a reader asks why a claim stands alone; the report names the nearest claim of
    // another source that was compared with it, and how close it came.
    let r = run(&[
        "Turkish police arrested 20 ISIS suspects in Kayseri on Monday.",
        "Police in Kayseri said the ISIS suspects had planned attacks on churches in the city.",
    ]);
    let c = &r.sources[0].claims[0];
    let closest = c.closest.as_ref().expect("a closest claim");
    assert_eq!(closest.source, "s2");
    assert!((0.0..=1.0).contains(&closest.similarity));
}

#[test]
fn a_paraphrase_with_no_word_in_common_is_compared() {
    // Reason: "flee their homes" and "escaped from their houses" share no word; an index of
    // words alone never puts them side by side, so nearest neighbours by meaning must.
    let r = run(&[
        "The storm forced residents to flee their homes along the coast. Power lines were down across the region.",
        "People living by the sea escaped from their houses as the hurricane arrived. Schools will stay shut on Monday.",
    ]);
    let c = &r.sources[0].claims[0];
    let closest = c
        .closest
        .as_ref()
        .expect("the paraphrase was never compared");
    assert_eq!((closest.source.as_str(), closest.claim), ("s2", 0));
    assert!(closest.similarity > 0.2, "{}", closest.similarity);
}

#[test]
fn the_union_is_one_entity_in_both_articles_that_name_it() {
    // Reason: the daily's tagger reads "The Nordic Aviators Association says" as a group
    // "Nordic" and a person "Association"; a reader sees the union the business paper names
    // split into two things that are not it.
    let r = strike();
    let e = r
        .comparison
        .entities
        .iter()
        .find(|e| e.key == "nordic aviators association")
        .expect("the union's cluster");
    assert_eq!(e.label, crosscheck::entities::Label::Org, "{e:?}");
    assert_eq!(e.sources.get("s1"), 1, "{e:?}");
    assert_eq!(e.sources.get("s3"), 1, "{e:?}");
    let daily = &r.sources[2].entities;
    assert!(
        !daily
            .iter()
            .any(|m| m.text == "Nordic" || m.text == "Association"),
        "{daily:?}"
    );
}

#[test]
fn a_headline_is_in_its_ledes_group() {
    // Reason: "Velmont slashes workforce, admits EV bet came too early" says in a few words
    // what the business desk's lede says in full ("will eliminate roughly 4,200 jobs"); no word
    // but the name is shared, so the pair model cannot tell, yet a reader sees one claim. The
    // headline is in the lede's group, marked as such, and a headline's dropped attribution is
    // no drift.
    let r = story("layoffs", ["business.txt", "local.txt", "wire.txt"]);
    let g = group_of(&r, "s1", "Velmont slashes workforce");
    let lede = r.sources[0]
        .claims
        .iter()
        .position(|c| c.text.contains("eliminate roughly 4,200 jobs"))
        .expect("lede");
    let m = g
        .members
        .iter()
        .find(|m| m.source == "s1" && m.claim == 0)
        .expect("headline");
    assert_eq!(m.headline_of, Some(lede), "{g:?}");
    assert!(
        g.members
            .iter()
            .any(|m| m.source == "s1" && m.claim == lede),
        "{g:?}"
    );
    assert!(g.sources >= 2, "{g:?}");
    assert!(!g.drift, "{g:?}");
}

#[test]
fn an_entity_is_shown_as_a_sentence_writes_it() {
    // Reason: the matrix showed "COLUMBUS" (the dateline's capitals) for a city another
    // source writes "Columbus".
    let r = run(&[
        "COLUMBUS, Ohio (AP) — A rail bridge collapsed on Tuesday, officials said.",
        "The bridge in Columbus had been rated in poor condition.",
    ]);
    let e = r
        .comparison
        .entities
        .iter()
        .find(|e| e.key == "columbus")
        .expect("Columbus");
    assert_eq!(e.name, "Columbus");
}

#[test]
fn a_claim_close_to_one_member_is_weighed_against_all_of_the_group() {
    // Reason: the broadcaster's "Dozens of surgeries have been postponed" shares one word with
    // the paper's "About 40 elective surgeries were rescheduled", too little to be offered as
    // a pair, but the wire's "postponed about 40 scheduled surgeries" states what both do
    // (tests/fixtures/nurses). Counted as 0, the pair left unscored kept the broadcaster out
    // of the group the other two make.
    let r = nurses();
    let g = group_of(&r, "s3", "Dozens of surgeries");
    assert_eq!(g.sources, 3, "{g:?}");
    assert_eq!(g.status, GroupStatus::Corroborated, "{g:?}");
}

#[test]
fn a_place_named_inside_a_longer_name_is_not_omitted() {
    // Reason: the paper named the town only in "Harwick City Hall", and the report said it
    // left the town out; a reader sees the town named.
    let r = run(&[
        "HARWICK, Ohio, Oct 3 (Wire) - The former mayor of Harwick was convicted of bribery on Thursday.",
        "Thomas Bellamy, who ran Harwick City Hall for eight years, was found guilty on Thursday.",
        "A jury in Harwick has found former mayor Tom Bellamy guilty of bribery.",
    ]);
    let town = r
        .comparison
        .entities
        .iter()
        .find(|e| e.key == "harwick")
        .expect("the town is an entity");
    assert_eq!(town.sources.0.len(), 2, "{town:?}");
    assert!(town.omitted_by.is_empty(), "{town:?}");
}

#[test]
fn same_claim_in_two_sources_is_corroborated() {
    // Reason: the same fact, differently worded, from two outlets.
    let r = run(&[
        "Turkish police arrested 20 ISIS suspects in Kayseri on Monday.",
        "On Monday police in Kayseri detained 20 suspected ISIS members, Turkish media said.",
    ]);
    let g = &r.comparison.claims[0];
    assert_eq!(g.status, GroupStatus::Corroborated);
    assert_eq!(g.sources, 2);
}

#[test]
fn paraphrase_is_corroborated() {
    // Reason: the same event in other words ("commanders flee" / "leaders took refuge").
    let r = run(&[
        "ISIS commanders fled to Turkey after the fall of Baghouz, officials said.",
        "Senior ISIS leaders have taken refuge in Turkey since Baghouz fell, the agency reported.",
    ]);
    let g = group_of(&r, "s1", "commanders");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_eq!(g.status, GroupStatus::Corroborated);
}

#[test]
fn independent_reports_are_separate_origins() {
    // Reason: two outlets with their own named sources and their own words are two origins.
    let r = run(&[
        "Police detained 20 ISIS suspects in Kayseri on Monday, Governor Ali Yilmaz said.",
        "Twenty ISIS suspects were detained in Kayseri on Monday, a lawyer for the men, Emre Demir, told Reuters.",
    ]);
    let g = group_of(&r, "s1", "Kayseri");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_eq!(g.origins, 2, "{g:?}");
}

#[test]
fn summary_lists_citations_and_exclusive_claims() {
    // Reason: a source's own claims and the people it cites are what an editor asks first.
    // (Its exclusive claim carries numbers, so that it is check-worthy under any model: "The
    // mayor of Ankara resigned after 12 years in office." scored 0.52, then 0.48.)
    let r = run(&[
        "Police detained 20 ISIS suspects in Kayseri on Monday, Governor Ali Yilmaz said. The mayor of Ankara resigned after 3 of his 12 deputies were arrested.",
        "Twenty ISIS suspects were detained in Kayseri on Monday, officials said.",
    ]);
    let s = &r.sources[0].summary;
    assert!(
        s.cites.iter().any(|c| c.contains("Ali Yilmaz")),
        "{:?}",
        s.cites
    );
    let exclusive: Vec<&str> = s
        .exclusive_claims
        .iter()
        .map(|&i| r.sources[0].claims[i].text.as_str())
        .collect();
    assert!(
        exclusive.iter().any(|t| t.contains("mayor of Ankara")),
        "{exclusive:?}"
    );
    assert!(
        !exclusive.iter().any(|t| t.contains("Kayseri")),
        "{exclusive:?}"
    );
}

#[test]
fn a_topic_shared_is_no_claim_shared() {
    // Reason: two outlets on one story write about the same people and places; sentences that
    // only share the story's names and topic words state different things and stay apart.
    let r = run(&[
        "Turkish police arrested 20 ISIS suspects in Kayseri on Monday. The suspects were planning attacks on churches, the governor said.",
        "ISIS has lost most of its territory in Syria. Turkey has hosted more than three million Syrian refugees since the war began.",
    ]);
    for g in &r.comparison.claims {
        assert_eq!(g.sources, 1, "{g:?}");
    }
}

#[test]
fn a_statement_inside_a_longer_sentence_is_shared() {
    // Reason: one outlet packs a statement into a long sentence with another one and an
    // attribution; another states it alone. Compared whole, the sentences share little;
    // compared clause by clause, the shared statement is found.
    let r = run(&[
        "Firefighters fought the blaze for six hours. \
         The owner of the warehouse, who bought it from the city in 2019, is demanding an independent \
         inquiry into the response of the emergency services after the roof collapsed on three \
         firefighters, the city's fire chief told reporters on Tuesday. \
         Smoke could be seen across the valley. \
         Nearby schools closed early. \
         The warehouse stored paint and solvents.",
        "The roof collapsed on three firefighters late on Monday. \
         Residents were told to keep their windows shut. \
         The warehouse had passed an inspection in May. \
         Traffic was diverted around the site for most of the night. \
         Insurance claims are expected to run into millions.",
    ]);
    let g = group_of(&r, "s2", "roof collapsed");
    assert_eq!(g.sources, 2, "{g:?}");
    let s1 = &r.sources[0];
    assert!(
        g.members
            .iter()
            .any(|m| m.source == "s1" && s1.claims[m.claim].text.contains("inquiry")),
        "{g:?}"
    );
    // The other statements stay apart.
    assert_eq!(group_of(&r, "s2", "windows shut").sources, 1);
}

#[test]
fn the_evacuation_and_the_lede_that_tells_of_it_are_shared() {
    // Reason: "forcing about 1,200 residents to leave their homes" (in a long lede), "About
    // 1,200 people were ordered out of their homes" and "The evacuation order covers roughly
    // 1,200 people" are one statement in three outlets.
    // The wire's lede says two things (the derailment, the evacuation) and joins whichever
    // account of them scores highest: the evacuation, or the local headline on the derailment
    // and the residents waiting to go home. Either way it is no single-source claim.
    let r = derailment();
    let g = group_of(&r, "s3", "ordered out of their homes");
    assert!(g.sources >= 2, "{g:?}");
    let lede = group_of(&r, "s1", "forcing about 1,200 residents");
    assert!(lede.members.iter().any(|m| m.source == "s2"), "{lede:?}");
}

#[test]
fn a_country_and_its_peoples_adjective_are_one_name() {
    // Reason: "fled to Turkish territory" and "took refuge in Turkey" name one place; matched
    // by entity key alone they share no name, and a shared statement is missed.
    let infos = crosscheck::claim_infos(&[
        Source::new(
            "s1",
            "a",
            "Its leaders fled to Turkish territory last year, an official said.",
        ),
        Source::new(
            "s2",
            "b",
            "Its leaders took refuge in Turkey last year, an official said.",
        ),
        Source::new(
            "s3",
            "c",
            "Its leaders fled to Syrian territory last year, an official said.",
        ),
    ]);
    let names = |s: usize| {
        infos
            .iter()
            .find(|x| x.source == s)
            .map(|x| x.names.clone())
            .expect("a claim in each source")
    };
    assert!(!names(0).is_empty());
    assert_eq!(names(0), names(1), "Turkish = Turkey");
    assert_ne!(names(0), names(2), "Turkish ≠ Syrian");
}

#[test]
fn a_line_of_names_states_nothing_to_share() {
    // Reason: a line of tags under an article ("Nordair, Maria Sandvik, Oslo, Norway") shares
    // its names with every sentence of the story and states nothing; grouped, it shows the
    // outlets "agreeing" on a list.
    let r = run(&[
        "Nordair pilots walked out in Oslo on Monday. Maria Sandvik called the strike irresponsible.\n\nNordair, Maria Sandvik, Oslo, Norway",
        "Maria Sandvik, the chief executive of Nordair, called the strike in Oslo irresponsible. Flights across Norway were cancelled.",
    ]);
    let tags = group_of(&r, "s1", "Nordair, Maria Sandvik, Oslo");
    assert_eq!(tags.sources, 1, "{tags:?}");
    let called = group_of(&r, "s1", "called the strike irresponsible");
    assert_eq!(
        called.sources, 2,
        "the statement is still shared: {called:?}"
    );
}

#[test]
fn a_headline_over_a_lede_no_one_shares_stays_alone() {
    // Reason: the headline joins only a group other outlets share; with its lede alone, a group
    // of one outlet's headline and lede would tell the reader nothing.
    let r = run(&[
        "Council backs new bridge plan\n\nThe city council voted 7-2 on Monday to fund a new bridge over the Arden River.\n\nWork is to start in May.\n",
        "Storm closes schools across the county\n\nHeavy snow closed every school in Brook County on Monday.\n",
    ]);
    let g = group_of(&r, "s1", "Council backs new bridge plan");
    assert_eq!(g.members.len(), 1, "{g:?}");
    assert_eq!(g.members[0].headline_of, None, "{g:?}");
}

#[test]
fn a_county_one_tagger_took_for_an_organisation_is_a_place() {
    // Reason: "a state of emergency for Jackson County" typed the county an organisation and
    // another outlet's "of Jackson County" a place; the tie showed "Organisation" in the matrix.
    let r = run(&[
        "The governor declared a state of emergency for Lane County on Tuesday.",
        "The fire burned across 9,000 acres of Lane County, officials said.",
    ]);
    let e = r
        .comparison
        .entities
        .iter()
        .find(|e| e.key == "lane county")
        .expect("Lane County");
    assert_eq!(e.label, crosscheck::entities::Label::Gpe, "{e:?}");
}

#[test]
fn two_statements_of_one_speaker_that_share_nothing_said_stay_apart() {
    // Reason: "Ingrid Solberg told reporters that the company did not plan any job cuts" and
    // "Ingrid Solberg said the company expected price increases to slow" share only who says
    // them (tests/fixtures/earnings); grouped, a reader saw two outlets agree on a claim
    // neither makes.
    let r = story("earnings", ["wire.txt", "daily.txt", "tv.txt"]);
    let g = group_of(&r, "s3", "did not plan any job cuts");
    assert_eq!(g.sources, 1, "{g:?}");
    // What the outlets do share stays shared: the net profit.
    assert!(group_of(&r, "s3", "posted a net profit").sources >= 2);
}

#[test]
fn two_speakers_quoted_alike_share_only_how_they_are_quoted() {
    // Reason: the minister's "“I have never claimed a cent that I was not owed,” she said in a
    // statement" and the opposition leader's "“This was covered up,” she said" were one group,
    // held together by "she said" alone: a reader saw two outlets agree on a claim neither
    // makes.
    let r = resignation();
    let g = group_of(&r, "s1", "never claimed a cent");
    assert!(g.members.iter().all(|m| m.source == "s1"), "{g:?}");
}

#[test]
fn a_time_in_common_is_no_claim_in_common() {
    // Reason: "The recall comes two years after a shortage of infant formula …" (wire) and
    // "The plant was cited for sanitation problems two years ago, records show" (tv) were one
    // group, shown as drift: they share "two years" and nothing they say.
    let r = recall();
    let g = group_of(&r, "s1", "two years after a shortage");
    assert!(g.members.iter().all(|m| m.source == "s1"), "{g:?}");
}

#[test]
fn every_headline_in_its_ledes_group_is_marked_so() {
    // Reason: the wire's headline joined its lede's group on its own and was shown without
    // the "headline" tag its rivals' headlines had, and the page counted it as a statement of
    // fact drifting from the lede's attribution.
    let r = resignation();
    let g = group_of(&r, "s1", "48,000 euros");
    for source in ["s1", "s2", "s3"] {
        let headline = g
            .members
            .iter()
            .find(|m| m.source == source && m.claim == 0)
            .unwrap_or_else(|| panic!("{source}'s headline is in the group: {g:?}"));
        assert_eq!(headline.headline_of, Some(1), "{source}: {g:?}");
    }
}

#[test]
fn a_resolved_speaker_is_named_as_the_entity_is() {
    // Reason: in the paper, "the company said" resolved to Lakeshore Health showed the name
    // "Lakeshore Memorial", a hospital of the chain merged with it and a longer name; the
    // name the entity goes by across sources is the one to show.
    let r = cyberattack();
    let names: Vec<&str> = r
        .sources
        .iter()
        .flat_map(|s| &s.claims)
        .filter_map(|c| c.attribution.resolved.as_ref())
        .filter(|res| res.key == "lakeshore health")
        .map(|res| res.name.as_str())
        .collect();
    assert!(names.len() >= 5, "{names:?}");
    assert!(names.iter().all(|&n| n == "Lakeshore Health"), "{names:?}");
}

#[test]
fn one_speakers_count_told_with_and_without_a_clause_is_compared_whole() {
    // Reason: "Sheriff Kory Honea confirmed three deaths." (paper) stayed single-source beside
    // the toll group holding "Butte County Sheriff Kory Honea said three bodies had been
    // found in the Paradise Pines area." (tv): one speaker's two sentences, one told with a
    // clause, were compared only by that clause, whose place named nothing the paper's named.
    let r = utility_fire();
    let g = group_of(&r, "s2", "confirmed three deaths");
    assert!(g.members.iter().any(|m| m.source == "s3"), "{g:?}");
    assert!(g.members.iter().any(|m| m.source == "s1"), "{g:?}");
}
