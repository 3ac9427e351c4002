//! Cross-source comparison of figures: counts, tolls, shares and measures that one claim
//! gives in several outlets, and which of them cannot both be right.

mod common;

use crosscheck::report::{GroupStatus, Stance};
use crosscheck::Source;

use common::*;

#[test]
fn one_sentence_giving_the_dead_twice_does_not_dispute_itself() {
    // Reason: two outlets carry one sentence that counts the dead twice ("killed 89 people (130
    // in total in coordinated attacks)"): 89 fits 89 and 130 fits 130; reading 130 against 89
    // showed "Numbers disagree" on the same words in both outlets.
    let line = "\n\nAccording to him, the gunman was involved in the concert hall attack that killed 89 people (130 in total in coordinated attacks) on November 13, 2015, and travelled to Turkey at the end of 2013.\n";
    let texts: Vec<String> = [2, 4]
        .iter()
        .map(|&i| {
            let path = format!("{}/www/examples/{}", env!("CARGO_MANIFEST_DIR"), example(i));
            std::fs::read_to_string(path).expect("example") + line
        })
        .collect();
    let r = run(&[&texts[0], &texts[1]]);
    let g = group_of(&r, "s1", "concert hall attack");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_ne!(g.status, GroupStatus::Conflicting, "{g:?}");
    assert!(g.conflict.is_none(), "{:?}", g.conflict);
}

#[test]
fn numbers_that_cannot_both_hold_conflict() {
    // Reason: 2,000 and 5,000 fighters are disjoint ranges for the same counted thing.
    let r = run(&[
        "Some 2,000 ISIS fighters crossed into Turkey last year, officials said.",
        "More than 5,000 ISIS fighters crossed into Turkey last year, the ministry said.",
    ]);
    let g = group_of(&r, "s1", "2,000");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    let c = g.conflict.as_ref().unwrap();
    assert_eq!(c.kind, crosscheck::report::ConflictKind::Numeric);
    assert!(
        c.detail.contains("2,000") && c.detail.contains("5,000"),
        "{}",
        c.detail
    );
}

#[test]
fn overlapping_ranges_do_not_conflict() {
    // Reason: "an estimated 10,000" (9,000–11,000) and "about 10,500" overlap.
    let r = run(&[
        "An estimated 10,000 ISIS fighters are held in Kurdish prisons in Syria, officials said.",
        "About 10,500 ISIS fighters are held in Kurdish prisons in Syria, the monitor said.",
    ]);
    let g = group_of(&r, "s1", "10,000");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_eq!(g.status, GroupStatus::Corroborated);
    assert!(g.conflict.is_none());
}

#[test]
fn vague_amount_conflicts_only_when_ranges_say_so() {
    // Reason: "tens of thousands" (20,000–99,999) vs "10,000" do not overlap; vs "30,000" they do.
    let r = run(&[
        "Tens of thousands of refugees crossed the border into Turkey in March, the UN said.",
        "Some 10,000 refugees crossed the border into Turkey in March, officials said.",
        "About 30,000 refugees crossed the border into Turkey in March, aid groups said.",
    ]);
    let g = group_of(&r, "s1", "Tens of thousands");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    assert!(g.conflict.as_ref().unwrap().detail.contains("10,000"));
}

#[test]
fn a_count_given_two_values_is_one_claim_in_dispute() {
    // Reason: "47-page" and "48-page" indictments are the same claim with numbers that cannot
    // both be right: the two must be compared, grouped, and the later account disputes.
    let r = run(&[
        "Prosecutors unsealed a 47-page indictment against the congressman and his wife on Tuesday.",
        "Prosecutors unsealed a 48-page indictment against the congressman and his wife on Tuesday.",
    ]);
    let g = group_of(&r, "s1", "indictment");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    assert_eq!(
        g.conflict.as_ref().map(|c| c.kind),
        Some(crosscheck::report::ConflictKind::Numeric)
    );
    assert_eq!(member(g, "s1").stance, Stance::Agrees);
    assert_eq!(member(g, "s2").stance, Stance::Disputes);
}

#[test]
fn counts_of_one_thing_in_other_words_dispute_when_their_ranges_do_not_meet() {
    // Reason: "40 died" and "around 45 were killed" count one thing ("died" and "killed" are
    // alike in meaning); their ranges do not overlap, so one disputes the other.
    let r = run(&[
        "Forty people died when the ferry capsized off the coast on Sunday, officials said.",
        "Around 45 people were killed when the ferry capsized off the coast on Sunday, officials said.",
    ]);
    let g = group_of(&r, "s1", "ferry");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
}

#[test]
fn a_count_whose_noun_follows_a_name_is_compared() {
    // Reason: "4.2 million Pellworth Bank customers" counted "Pellworth", so it was never set
    // against "3.9 million customers" and the two outlets' counts stood unquestioned.
    let r = run(&[
        "Hackers stole the personal data of 4.2 million Pellworth Bank customers, the bank said on Thursday.",
        "Hackers stole the personal data of 3.9 million customers, the bank said Thursday.",
    ]);
    let g = group_of(&r, "s1", "Hackers");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
}

#[test]
fn counts_of_two_different_statements_are_no_dispute() {
    // Reason: "a small leak in one tank car" and "two tank cars were damaged" count tank cars
    // in two different statements; both can be true, and a reader would call a conflict
    // between them wrong.
    let r = derailment();
    for g in &r.comparison.claims {
        if let Some(c) = &g.conflict {
            assert!(!c.detail.contains("“one”"), "{c:?}");
        }
    }
    let g = group_of(&r, "s2", "small leak");
    assert!(g.conflict.is_none(), "{g:?}");
}

#[test]
fn counts_of_one_noun_that_befall_it_differently_are_no_dispute() {
    // Reason: "employs 1,500 workers", "1,200 workers will lose their jobs" and "300 workers
    // will move" count three sets of workers; all can be true. "1,500 workers will lose their
    // jobs" beside the 1,200 is one count told two ways, and does conflict.
    let plant = "Harlow Foods said on Monday it would close its Brenton bakery next spring. \
                 The plant employs 1,500 workers, the company said.";
    let union = "About 1,200 workers will lose their jobs when Harlow Foods shuts its Brenton \
                 plant, union officials said.";
    let move_ = "Harlow Foods will close the Brenton bakery. Some 300 workers will move to its \
                 Dunmore plant, a spokeswoman said.";
    let r = run(&[plant, union, move_]);
    assert!(
        r.comparison.claims.iter().all(|g| g.conflict.is_none()),
        "{:?}",
        r.comparison.claims
    );
    let cut = "Harlow Foods will close the Brenton bakery. All 1,500 workers will lose their \
               jobs when the plant shuts, a spokeswoman said.";
    let r = run(&[plant, union, cut]);
    let g = group_of(&r, "s2", "About 1,200 workers");
    assert!(
        g.conflict
            .as_ref()
            .is_some_and(|c| c.detail.contains("1,500")),
        "{g:?}"
    );
}

#[test]
fn one_sum_told_about_and_around_is_one_claim() {
    // Reason: "worth an estimated 60 million crowns" (wire) and "at around 65 million crowns"
    // (daily) give one value in ranges that meet (±10 % for one significant digit): the same
    // claim, however the rest of each sentence reads, and no dispute. The wire's sentence also
    // tells of the theft, and may sit in that group instead: then the daily's claim names it
    // as its closest, as alike as one uncommon figure makes two claims.
    let r = story("heist", ["daily.txt", "tv.txt", "wire.txt"]);
    let g = group_of(&r, "s1", "65 million crowns");
    assert!(g.conflict.is_none(), "{g:?}");
    if !g.members.iter().any(|m| m.source == "s3") {
        let m = g.members.iter().find(|m| m.source == "s1").expect("member");
        let closest = r.sources[0].claims[m.claim]
            .closest
            .as_ref()
            .expect("closest");
        assert_eq!(closest.source, "s3", "{closest:?}");
        let text = &r.sources[2].claims[closest.claim].text;
        assert!(text.contains("60 million crowns"), "{text}");
        assert!(closest.similarity >= 0.5, "{closest:?}");
    }
}

#[test]
fn a_death_toll_in_other_words_is_one_claim_across_outlets() {
    // Reason: "Four people died", "Six people were killed" and "At least four people were
    // killed" give one toll in three outlets; a reader compares them side by side.
    let r = dam();
    let g = group_of(&r, "s1", "Four people died");
    assert_eq!(g.sources, 3, "{g:?}");
    assert!(std::ptr::eq(
        g,
        group_of(&r, "s2", "Six people were killed")
    ));
    assert!(std::ptr::eq(g, group_of(&r, "s3", "At least four people")));
}

#[test]
fn two_tolls_that_cannot_both_hold_conflict_beside_one_that_fits_both() {
    // Reason: "at least four" fits both "four" and "six", but four and six dead cannot both
    // be right: the group conflicts and the later account disputes.
    let r = dam();
    let g = group_of(&r, "s1", "Four people died");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    let c = g.conflict.as_ref().expect("a conflict");
    assert!(
        c.detail.contains("Four") && c.detail.contains("Six"),
        "{c:?}"
    );
    assert_eq!(member(g, "s2").stance, Stance::Disputes);
    assert_ne!(member(g, "s3").stance, Stance::Disputes);
}

#[test]
fn a_death_toll_does_not_join_the_evacuation() {
    // Reason: "At least four people were killed when the dam broke" shares the dam's breaking
    // with the lede on the evacuation, as background; its claim is the toll.
    let r = dam();
    let toll = group_of(&r, "s3", "At least four people");
    let evacuation = group_of(&r, "s3", "Some 3,000 people were evacuated");
    assert!(!std::ptr::eq(toll, evacuation), "{toll:?}");
    assert!(evacuation.sources >= 2, "{evacuation:?}");
}

#[test]
fn deaths_and_injuries_are_two_tolls() {
    // Reason: the dead and the injured are two counts; "four died" and "six were injured"
    // are no dispute.
    let r = run(&[
        "Four people died in the fire at the warehouse on Monday, the fire brigade said.",
        "Six people were injured in the fire at the warehouse on Monday, the fire brigade said.",
    ]);
    for g in &r.comparison.claims {
        assert!(g.conflict.is_none(), "{g:?}");
    }
}

#[test]
fn the_rescued_and_the_dead_are_two_tolls() {
    // Reason: "98 people had been rescued" and "Almost 100 people survived" count the rescued
    // and agree; "At least 27 people died" counts the dead: no group of the two, no dispute.
    let r = ferry();
    let rescued = group_of(&r, "s2", "98 people had been rescued");
    assert!(std::ptr::eq(
        rescued,
        group_of(&r, "s3", "Almost 100 people survived")
    ));
    assert!(rescued.conflict.is_none(), "{rescued:?}");
    let dead = group_of(&r, "s2", "At least 27 people died");
    assert!(!std::ptr::eq(rescued, dead), "{dead:?}");
}

#[test]
fn a_sentence_giving_two_tolls_joins_the_claim_it_states_most() {
    // Reason: "Rescuers pulled 98 survivors from the water, and about 30 people were still
    // missing" gives the rescued and the missing; it is the rescue agency's count of the
    // rescued that two more outlets give, not the toll lede that mentions the missing.
    let r = ferry();
    let g = group_of(&r, "s1", "Rescuers pulled 98 survivors");
    assert!(std::ptr::eq(
        g,
        group_of(&r, "s2", "98 people had been rescued")
    ));
    assert_eq!(g.sources, 3, "{g:?}");
}

#[test]
fn an_age_is_no_toll() {
    // Reason: "a 34-year-old trader who survived" gives an age, not a count of survivors; it
    // must not join or dispute "Almost 100 people survived".
    let r = ferry();
    let g = group_of(&r, "s2", "People were screaming");
    assert!(!std::ptr::eq(
        g,
        group_of(&r, "s3", "Almost 100 people survived")
    ));
    for g in &r.comparison.claims {
        if let Some(c) = &g.conflict {
            assert!(!c.detail.contains("34-year-old"), "{c:?}");
        }
    }
}

#[test]
fn a_toll_of_another_year_is_another_event() {
    // Reason: "a dam failed in 2015, killing two people" gives a toll of an earlier event; it
    // joins neither today's toll nor disputes it.
    let r = dam();
    let toll = group_of(&r, "s1", "Four people died");
    let earlier = group_of(&r, "s3", "in 2015");
    assert!(!std::ptr::eq(toll, earlier), "{earlier:?}");
    let c = toll.conflict.as_ref().expect("a conflict");
    assert!(!c.detail.contains("two"), "{c:?}");
}

#[test]
fn one_event_on_two_days_conflicts() {
    // Reason: "talks are due to resume on Thursday" and "talks are expected to restart on
    // Wednesday" cannot both be right; a reader checking the story wants that flagged.
    let r = strike();
    let g = group_of(&r, "s1", "resume on Thursday");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    let c = g.conflict.as_ref().expect("a conflict");
    assert_eq!(c.kind, crosscheck::report::ConflictKind::Date);
    assert!(
        c.detail.contains("Thursday") && c.detail.contains("Wednesday"),
        "{c:?}"
    );
    assert_eq!(member(g, "s3").stance, Stance::Disputes, "{g:?}");
}

#[test]
fn the_day_a_thing_was_said_is_not_the_day_it_happened() {
    // Reason: "police said Saturday" dates the statement, "on Friday" the blast; datelines
    // ("Posted: Thursday, July 29") and a day given as "today" date the writing. None of them
    // disputes a day.
    let r = run(&[
        "A bomb exploded at a bank in Woodburn on Friday, killing two police officers, police said.\n\nPosted: Thursday, July 29, 2004\n\nThe team signed Wynn on Tuesday and Bell today.",
        "A bomb exploded at a bank in Woodburn, killing two police officers, police said Saturday.\n\nPublished: Wednesday, July 28, 2004\n\nOn Wednesday the team signed Bell.",
    ]);
    for g in &r.comparison.claims {
        assert!(
            g.conflict
                .as_ref()
                .is_none_or(|c| c.kind != crosscheck::report::ConflictKind::Date),
            "{g:?}"
        );
    }
    assert!(group_of(&r, "s1", "bomb exploded").sources == 2);
}

#[test]
fn the_people_on_board_are_one_toll_in_dispute() {
    // Reason: "an emergency landing with 142 passengers on board" and "The plane, carrying 146
    // passengers" count the people on board; a reader wants the two figures set side by side.
    let r = airline();
    let g = group_of(&r, "s2", "carrying 146 passengers");
    assert!(std::ptr::eq(
        g,
        group_of(&r, "s1", "142 passengers on board")
    ));
    let c = g.conflict.as_ref().expect("a numeric conflict");
    assert!(
        c.detail.contains("142") && c.detail.contains("146"),
        "{c:?}"
    );
}

#[test]
fn the_treated_are_the_injured() {
    // Reason: "Four passengers were treated for minor injuries" and "Five people suffered minor
    // injuries" give one toll, four against five.
    let r = airline();
    let g = group_of(&r, "s1", "Four passengers were treated");
    assert!(std::ptr::eq(g, group_of(&r, "s2", "Five people suffered")));
    let c = g.conflict.as_ref().expect("a numeric conflict");
    assert!(
        c.detail.contains("Four") && c.detail.contains("Five"),
        "{c:?}"
    );
}

#[test]
fn numbers_in_common_as_outlets_round_them() {
    // Reason: "8 percent" and "nearly 8%" are one number to a reader; "Numbers in common" must
    // say so, not only for figures written alike.
    let r = airline();
    let g = group_of(&r, "s1", "Shares of Northwind fell 8 percent");
    assert!(std::ptr::eq(g, group_of(&r, "s3", "fell nearly 8%")));
    assert_eq!(g.numbers, vec!["8 percent".to_string()], "{g:?}");
}

#[test]
fn one_objects_measure_is_compared_across_the_story() {
    // Reason: "The 42-page indictment accuses Hale of …" and "unsealed a 43-page indictment
    // charging Hale …" say different things around one document, and give it two lengths.
    let r = bribery();
    let g = group_of(&r, "s1", "The 42-page indictment");
    assert!(std::ptr::eq(g, group_of(&r, "s2", "a 43-page indictment")));
    let c = g.conflict.as_ref().expect("a numeric conflict");
    assert!(
        c.detail.contains("42-page") && c.detail.contains("43-page"),
        "{c:?}"
    );
}

#[test]
fn a_measure_of_one_object_is_no_count_of_another() {
    // Reason: "a 42-page indictment" and "20 years in prison" or "$500,000 bond" count other
    // things; only the pages of the indictment dispute the pages of the indictment.
    let r = bribery();
    for g in &r.comparison.claims {
        if let Some(c) = &g.conflict {
            let pages = c.detail.matches("-page").count();
            assert!(pages == 0 || pages == 2, "{c:?}");
        }
    }
}

#[test]
fn two_counts_of_one_thing_in_one_group_are_disputed() {
    // Reason: "exposed the personal records of about 1.2 million patients" (wire, tech) and
    // "compromised data on roughly 1.4 million current and former patients" (local) are one
    // claim, grouped, and their ranges do not overlap; shown as corroborated, the board would
    // say the outlets agree on the figure they differ on.
    let r = ransomware();
    let g = group_of(&r, "s2", "roughly 1.4 million");
    assert_numeric_conflict(g, "1.2 million", "1.4 million");
    // Two outlets give 1.2 million, one gives 1.4: the one disputes.
    for m in &g.members {
        let text = &r.sources.iter().find(|s| s.id == m.source).unwrap().claims[m.claim].text;
        if text.contains("1.4 million") {
            assert_eq!(m.stance, Stance::Disputes, "{m:?}");
        } else if text.contains("1.2 million") {
            assert_ne!(m.stance, Stance::Disputes, "{m:?}");
        }
    }
}

#[test]
fn a_number_after_its_clause_counts_nothing_there() {
    // Reason: "was carrying more than 150 passengers and crew, although its manifest recorded
    // just 112, according to police" gives both figures; "its manifest listed only 112
    // passengers" agrees with one of them. "112, according" counts no "according".
    let r = ferry();
    let g = group_of(&r, "s1", "manifest listed only 112");
    assert!(
        g.conflict
            .as_ref()
            .is_none_or(|c| c.kind != crosscheck::report::ConflictKind::Numeric),
        "{g:?}"
    );
}

#[test]
fn counts_of_two_things_in_one_group_are_no_dispute() {
    // Reason: twelve cars derailed and two of them were tank cars; "two tank cars were damaged"
    // says the same two. Grouped, the twelve and the two are counts of different things.
    let r = run(&[
        "Twelve cars derailed near Millbrook on Sunday night, and two of them were tank cars carrying chlorine, the railroad said.",
        "Two tank cars carrying chlorine derailed near Millbrook on Sunday night, the railroad said.",
        "A freight train derailed near Millbrook on Sunday night, and two chlorine tank cars were damaged, the railroad said.",
    ]);
    for g in &r.comparison.claims {
        assert!(g.conflict.is_none(), "{g:?}");
    }
    let g = group_of(&r, "s2", "Two tank cars");
    assert!(g.sources >= 2, "still one claim: {g:?}");
}

#[test]
fn one_measure_of_one_document_in_two_words_is_disputed() {
    // Reason: "a 41-page ruling" and "a 40-page opinion" are one judgment measured twice (the
    // issue's "47 vs 48 pages"); the words for the document differ, the measure does not.
    let r = court();
    assert_numeric_conflict(group_of(&r, "s1", "41-page ruling"), "40-page", "41-page");
}

#[test]
fn one_uncommon_figure_of_one_thing_is_one_claim() {
    // Reason: "said it would cut about 4,200 jobs, or 6 percent of its workforce, as demand …
    // fell short" and "will eliminate roughly 4,200 jobs, about 6 percent of its staff, in a bid
    // to save …" are the story's lede in two outlets; the rest of each sentence differs, and
    // the pair model alone scored them 0.09.
    let r = layoffs();
    let g = group_of(&r, "s1", "cut about 4,200 jobs");
    assert!(g.members.iter().any(|m| m.source == "s3"), "{g:?}");
    assert!(g.conflict.is_none(), "{g:?}");
}

#[test]
fn figures_told_at_two_times_of_day_are_no_dispute() {
    // Reason: "shares rose 3 percent in early trading" and "the stock gained 4 percent by
    // midday" both say the shares rose; a price at two times of one day is two moments, and
    // "3 percent and 4 percent cannot both be right" is wrong.
    let r = layoffs();
    let g = group_of(&r, "s1", "rose 3 percent in early trading");
    assert!(g.conflict.is_none(), "{g:?}");
    assert!(
        g.members.iter().all(|m| m.stance != Stance::Disputes),
        "{g:?}"
    );
    // The layoffs story's pair scores near the threshold; told alike, the two prices are one
    // group, and still no dispute.
    let r = run(&[
        "Velmont Motors said on Thursday it would cut about 4,200 jobs. The carmaker will close a plant in Ohio. Velmont shares rose 3 percent in early trading. Analysts welcomed the cuts. The union said it would fight the closure.",
        "Velmont Motors will eliminate roughly 4,200 jobs. A plant in Ohio will close next year. Velmont shares rose 4 percent by midday. The company has struggled to sell electric vehicles. Workers learned of the cuts on Thursday.",
    ]);
    let g = group_of(&r, "s1", "rose 3 percent in early trading");
    assert!(g.sources >= 2, "{g:?}");
    assert!(g.conflict.is_none(), "{g:?}");
}

#[test]
fn a_share_followed_by_a_time_is_still_that_share() {
    // Reason: "3.8 percent in October" and "3.9 percent last month" give one rate; the words
    // after them ("in", "last") were taken for what each counts, so the two figures counted
    // different things and the dispute went unseen.
    let r = run(&[
        "Annual inflation reached 3.8 percent in October, the statistics office said.",
        "Annual inflation reached 3.9 percent last month, the statistics office said.",
    ]);
    let g = group_of(&r, "s1", "3.8 percent");
    assert_numeric_conflict(g, "3.8 percent", "3.9 percent");
}

#[test]
fn a_wide_range_is_no_uncommon_figure() {
    // Reason: "40k foreign fighters flowed through its territory" and "tens of thousands of its
    // fighters … are being held in detention camps" give numbers that fit, but "tens of
    // thousands" is a range, not one figure; two different facts joined on it.
    let texts: Vec<String> = (1..=5)
        .map(|i| {
            let path = format!("{}/www/examples/{}", env!("CARGO_MANIFEST_DIR"), example(i));
            std::fs::read_to_string(path).expect("example")
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let r = run(&refs);
    let g = group_of(&r, "s2", "40k foreign fighters");
    let camps = r.sources[2]
        .claims
        .iter()
        .position(|c| c.text.contains("detention camps"))
        .expect("the camps claim");
    assert!(
        !g.members
            .iter()
            .any(|m| m.source == "s3" && m.claim == camps),
        "{g:?}"
    );
}

#[test]
fn a_rate_written_two_ways_is_one_number_in_three_outlets() {
    // Reason: "to 4.5 percent" and "to 4.50%" are one rate; three outlets state the rise, and
    // none of them disputes it.
    let r = rates();
    let g = group_of(&r, "s2", "25 basis points to 4.50%");
    assert_eq!(g.sources, 3, "{g:?}");
    assert!(g.conflict.is_none(), "{g:?}");
    assert!(g.numbers.iter().any(|n| n.contains("4.5")), "{g:?}");
}

#[test]
fn a_figure_in_a_relative_clause_is_compared() {
    // Reason: "Inflation, which hit 3.9 percent last month, remains far above the 2 percent
    // target" gives the month's rate that two other outlets give as 3.8 percent; the reader
    // wants that difference shown, and the sentence read whole joined neither.
    let r = rates();
    let g = group_of(&r, "s2", "which hit 3.9 percent");
    assert_numeric_conflict(g, "3.8 percent", "3.9 percent");
    assert!(g.members.iter().any(|m| m.source == "s3"), "{g:?}");
}

#[test]
fn a_headline_giving_a_share_to_a_tenth_joins_the_claim_it_states() {
    // Reason: "Central bank raises rates to 4.5%" (a headline) states what "increased its
    // benchmark rate ... to 4.50%" and "lifted its key rate to 4.5 percent" do; a share given
    // to a tenth is one of few in a story, as telling as an uncommon count.
    let r = rates();
    let g = group_of(&r, "s1", "Central bank raises rates");
    assert!(g.members.iter().any(|m| m.source != "s1"), "{g:?}");
}

#[test]
fn a_share_rounded_to_a_whole_number_is_no_dispute() {
    // Reason: "52 percent" is 51.8 percent rounded; the board said "51.8 percent and 52 percent
    // cannot both be right". A share that no rounding reaches still disputes.
    let r = run(&[
        "Ruiz received 51.8 percent of the vote in Tuesday's mayoral election.",
        "Ruiz won 52 percent of the vote in Tuesday's mayoral election.",
    ]);
    let g = group_of(&r, "s1", "51.8 percent");
    assert!(g.members.iter().any(|m| m.source == "s2"), "{g:?}");
    assert!(g.conflict.is_none(), "{g:?}");
    let r = run(&[
        "Ruiz received 51.8 percent of the vote in Tuesday's mayoral election.",
        "Ruiz won 54 percent of the vote in Tuesday's mayoral election.",
    ]);
    let g = group_of(&r, "s1", "51.8 percent");
    assert!(g.members.iter().any(|m| m.source == "s2"), "{g:?}");
    assert!(g.conflict.is_some(), "{g:?}");
}

#[test]
fn a_count_counts_the_plural_noun_that_heads_it() {
    // Reason: "48 confirmed cases" counted "confirmed" and "50 measles cases" counted
    // "measles", so the two counts of cases were never compared. A plain count counts the
    // plural noun that heads the words after it; "1,200 residents fled" still counts
    // residents, and "a 42-page indictment accuses" the indictment.
    let infos = crosscheck::claim_infos(&[
        Source::new("s1", "a", "The outbreak has grown to 48 confirmed cases."),
        Source::new("s2", "b", "The county now has 50 measles cases."),
        Source::new("s3", "c", "The county has 50 cases."),
        Source::new("s4", "d", "About 1,200 residents fled the town."),
        Source::new("s5", "e", "Some 1,200 residents were moved."),
    ]);
    let noun = |s: usize| infos.iter().find(|x| x.source == s).unwrap().figures[0].noun;
    assert_ne!(noun(0), 0);
    assert_eq!(noun(0), noun(2));
    assert_eq!(noun(1), noun(2));
    assert_eq!(noun(3), noun(4));
}

#[test]
fn tolls_in_other_words_are_compared() {
    // Reason: "Nine people died and 38 were hurt" shares no word with "killing nine people and
    // injuring 40" beside its tolls, so it was never scored against it and its 38 injured
    // were never set against 40. Claims of a story that count one toll are candidates on that
    // alone, and a group in dispute over two tolls says both.
    let r = run(&FERRY_TOLLS);
    let g = group_of(&r, "s1", "injuring 40");
    let has = |s: &str, needle: &str| {
        g.members.iter().any(|m| {
            m.source == s && {
                let src = r.sources.iter().find(|x| x.id == s).unwrap();
                src.claims[m.claim].text.contains(needle)
            }
        })
    };
    assert!(has("s2", "38 were hurt"), "{g:?}");
    let conflict = g.conflict.as_ref().expect("a conflict");
    assert!(conflict.detail.contains("38"), "{conflict:?}");
    assert!(
        conflict.detail.to_lowercase().contains("eleven"),
        "{conflict:?}"
    );
}

#[test]
fn arrests_in_two_cities_are_no_toll_in_dispute() {
    // Reason: "detained 36 people in Istanbul" and "arrested two suspects in Kayseri", two
    // operations of one crackdown, were one toll in dispute. Arrests are no toll: a story
    // tells of many.
    let r = run(&[
        "Police in Turkey have stepped up raids on suspected militants. On Monday, security \
         forces detained 36 people in Izmir suspected of links to the Islamic Front. Prosecutors said \
         the suspects had planned attacks. The raids followed a bombing last month. Officials \
         did not say when the suspects would appear in court.",
        "Turkish police have carried out a series of raids. The authorities arrested two \
         suspects belonging to the Islamic Front in the city of Konya, the agency said. The group has \
         claimed several attacks in the country. Security was tightened at airports. The \
         government vowed to press on with the campaign.",
    ]);
    let g = group_of(&r, "s1", "detained 36 people");
    assert!(g.conflict.is_none(), "{g:?}");
}

#[test]
fn counts_of_one_thing_in_two_outlets_are_compared() {
    // Reason: "burning 43 homes" in one outlet's lede and "At least 60 homes have burned" in
    // another's were never grouped, so the dispute over the homes lost was never shown (the
    // pair model reads whether two claims count one thing, whatever their values).
    let r = story("wildfire", ["wire.txt", "local.txt", "tv.txt"]);
    let g = group_of(&r, "s3", "At least 60 homes");
    let conflict = g.conflict.as_ref().expect("a conflict");
    assert!(conflict.detail.contains("43"), "{conflict:?}");
    assert!(conflict.detail.contains("60"), "{conflict:?}");
}

#[test]
fn lengths_of_time_in_two_units_are_one_figure() {
    // Reason: "12 weeks" and "three months" of severance pay are one length told in two units
    // (a month is 28 to 31 days); they agree, and the two sentences are one claim.
    let r = run(&[
        "Corvale Paper will close its mill in Easton in May, the company said on Monday. \
         The mill has made paper since 1952. Corvale said affected employees would receive 12 \
         weeks of severance pay and continued health coverage through June. The union said it \
         would fight the closure. Shares of Corvale rose 2% on Monday. The mayor of Easton \
         called the news a blow to the town.",
        "The Easton paper mill will shut down this spring. Laid-off workers will get three \
         months of severance pay, according to the company. About 400 people work at the mill. \
         Union leaders vowed to keep it open. The town's mayor said the loss would hurt local \
         shops. Corvale blamed falling demand for printing paper.",
    ]);
    let g = group_of(&r, "s1", "Corvale said affected");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_eq!(g.status, GroupStatus::Corroborated, "{g:?}");
}

#[test]
fn lengths_of_time_that_cannot_both_hold_conflict() {
    // Reason: "12 weeks" and "eight weeks" of one severance pay cannot both be right.
    let r = run(&[
        "Laid-off workers at the Corvale mill will receive 12 weeks of severance pay, the company said.",
        "Laid-off workers at the Corvale mill will receive eight weeks of severance pay, the company said.",
    ]);
    let g = group_of(&r, "s1", "Laid-off");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
}

#[test]
fn tallies_of_one_vote_that_cannot_both_hold_conflict() {
    // Reason: "voted 9-4" and "voted 8-5" tell one vote two ways; both cannot be right.
    let r = run(&[
        "The city council voted 9-4 on Monday to ban natural gas hookups in new buildings.",
        "The city council voted 8-5 on Monday to ban natural gas hookups in new buildings.",
    ]);
    let g = group_of(&r, "s1", "voted 9-4");
    assert_eq!(g.sources, 2, "{g:?}");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
}

#[test]
fn a_vote_told_in_three_ways_is_one_statement_in_dispute() {
    // Reason: the wire's "voted 9-4", the paper's "by a vote of 9 to 4" and the broadcaster's
    // "in an 8-5 vote" tell one council vote (tests/fixtures/council): the three ledes are one
    // statement, and the broadcaster's tally disputes the others'.
    let r = story("council", ["wire.txt", "post.txt", "tv.txt"]);
    let g = group_of(&r, "s1", "voted 9-4");
    assert_eq!(g.sources, 3, "{g:?}");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    let detail = &g.conflict.as_ref().expect("conflict").detail;
    assert!(detail.contains("8-5"), "{detail}");
}

#[test]
fn a_share_named_before_of_is_counted() {
    // Reason: the nurses' strike wire's "offered raises of 14 percent over three years" and
    // the paper's "offered nurses a 15 percent raise over three years" give one offer two
    // values (tests/fixtures/nurses); with nothing counted after "14 percent", the two were
    // grouped but no dispute showed. (In the story the wire's sentence also tells of 300
    // replacement nurses and may join that group instead, so the two are compared here alone.)
    let r = run(&[
        "Nurses at Sangamon Health began a three-day strike on Tuesday. Sangamon said it had \
         offered raises of 14 percent over three years. The union says staffing is the main \
         issue. Pickets formed outside all three hospitals before dawn. Ambulances were not \
         diverted. A mediator has been asked to join the talks.",
        "Sangamon Health nurses walked off the job on Tuesday. According to the hospital, \
         management offered nurses a 15 percent raise over three years. No new talks have been \
         scheduled. The union represents nurses at three hospitals. Several hundred nurses \
         marched downtown at noon. The last strike at the system ended after two days.",
    ]);
    let g = group_of(&r, "s1", "raises of 14 percent");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    let detail = &g.conflict.as_ref().expect("conflict").detail;
    assert!(
        detail.contains("14 percent") && detail.contains("15 percent"),
        "{detail}"
    );
}

#[test]
fn a_range_fits_a_figure_inside_it() {
    // Reason: "9 to 10 percent" is one range that 9.2 percent fits; read as a count 9 and
    // "10 percent", it disputed 9.2 percent ("“10 percent” and “9.2 percent” cannot both be
    // right").
    let r = run(&[
        "The company expects an operating margin of 9 to 10 percent for the full year.",
        "The company expects an operating margin of 9.2 percent for the full year.",
    ]);
    let g = group_of(&r, "s1", "9 to 10 percent");
    assert_eq!(g.sources, 2, "{g:?}");
    assert!(g.conflict.is_none(), "{g:?}");
}

#[test]
fn a_toll_of_none_is_one_claim_and_disputes_a_count() {
    // Reason: "No one was injured", "nobody was hurt" and "There are no reports of injuries"
    // share almost no words; each stayed a claim of one outlet, and a count of two hurt against
    // them showed no dispute.
    let story = |none: &str| {
        [
            format!(
                "A freight train derailed near Glenbrook on Tuesday. {none} Crews began clearing \
                 the tracks at noon. The line will stay closed until Friday. Residents were \
                 allowed home in the evening. Inspectors from the state arrived on Wednesday."
            ),
            "A train came off the rails outside Glenbrook on Tuesday. There are no reports of \
             injuries. The railway said the line would reopen on Friday. Traffic on the \
             highway nearby was diverted. Officials thanked the volunteer firefighters. \
             Schools in the town opened as usual."
                .to_string(),
        ]
    };
    let [a, b] = story("No one was injured, the fire chief said.");
    let r = run(&[&a, &b]);
    let g = group_of(&r, "s1", "No one was injured");
    assert_eq!(g.sources, 2, "{g:?}");
    assert!(g.conflict.is_none(), "{g:?}");
    let [a, b] = story("Two crew members were hurt, the fire chief said.");
    let r = run(&[&a, &b]);
    let g = group_of(&r, "s1", "Two crew members were hurt");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
}

#[test]
fn a_measure_and_a_count_of_it_are_one_figure() {
    // Reason: "a 118-car train" and "a train with 118 cars" give one figure of one object;
    // the two sentences, alike in little else, were not grouped.
    let r = run(&[
        "A freight train derailed near Glenbrook on Tuesday. The train was traveling from \
         Dunmore to Ashby with 118 cars when it left the tracks. No one was injured, the fire \
         chief said. Crews began clearing the tracks at noon. The line will stay closed until \
         Friday. Residents were allowed home in the evening.",
        "A train came off the rails outside Glenbrook on Tuesday. Around 30 wagons of the \
         118-car freight train derailed. The railway said the line would reopen on Friday. \
         Traffic on the highway nearby was diverted. Officials thanked the volunteer \
         firefighters. Schools in the town opened as usual.",
    ]);
    let g = group_of(&r, "s1", "with 118 cars");
    assert_eq!(g.sources, 2, "{g:?}");
}

#[test]
fn a_day_in_an_attribution_after_the_statement_is_no_dispute() {
    // Reason: "No injuries were reported, …, the governor told a news conference on Monday"
    // and "The train came off the tracks on Sunday night, though no one was hurt" give one toll
    // (none); Monday is when the governor spoke, and "“Monday” and “Sunday” cannot both be
    // right" was a conflict a reader would call wrong.
    let r = run(&[
        "A freight train derailed near Glenbrook late Sunday. No injuries were reported, but \
         two tank cars were damaged, Governor Ellen Ruiz told a news conference on Monday. \
         Crews began clearing the tracks at noon. The line will stay closed until Friday. \
         Residents were allowed home in the evening. Inspectors from the state arrived on \
         Wednesday.",
        "A train came off the rails outside Glenbrook. The train came off the tracks on Sunday \
         night, though no one was hurt. The railway said the line would reopen on Friday. \
         Traffic on the highway nearby was diverted. Officials thanked the volunteer \
         firefighters. Schools in the town opened as usual.",
    ]);
    let g = group_of(&r, "s1", "No injuries were reported");
    assert!(g.members.iter().any(|m| m.source == "s2"), "{g:?}");
    assert!(g.conflict.is_none(), "{g:?}");
}

#[test]
fn two_tallies_of_one_vote_are_one_claim_in_dispute() {
    // Reason: "ruling 5-2 that it placed an unconstitutional burden" and "threw out the law in
    // a 4-3 decision" give one court's vote two tallies; the sentences share little else, were
    // never grouped, and the dispute a reader wants did not show. A game's score is no vote: a
    // story may tell of two games.
    let r = run(&[
        "The Calloway Supreme Court on Thursday struck down a law requiring voters to show a \
         photo ID, ruling 5-2 that it placed an unconstitutional burden on the right to vote. \
         Justice Miriam Okafor wrote for the majority. The law took effect last year. About \
         86,000 provisional ballots were cast under it. The attorney general said her office was \
         reviewing the decision. The ruling takes effect immediately.",
        "The state Supreme Court threw out Calloway's voter identification law Thursday in a 4-3 \
         decision that hands a victory to civil rights groups. The league called it a great day. \
         Republican leaders vowed to seek an amendment. Election officials said no ID would be \
         needed in the March primary. The law was passed in 2024. Turnout is expected to rise.",
    ]);
    let g = group_of(&r, "s1", "ruling 5-2");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    assert!(
        g.conflict
            .as_ref()
            .is_some_and(|c| c.detail.contains("4-3") && c.detail.contains("5-2")),
        "{g:?}"
    );
    let r = run(&[
        "Harlow United beat Dunmore 3-1 on Saturday. Their coach praised the defence. The \
         stadium was full. Tickets sold out in an hour. The team tops the league. Fans \
         celebrated in the streets.",
        "Harlow United lost 2-0 to Ashby on Wednesday. Their coach blamed the referee. The \
         stadium was half empty. Tickets were cheap. The team is third in the league. Fans \
         left early.",
    ]);
    assert!(
        r.comparison.claims.iter().all(|g| g.conflict.is_none()),
        "{:?}",
        r.comparison.claims
    );
}

#[test]
fn a_count_beside_others_is_no_dispute_with_the_whole() {
    // Reason: "carrying 41 passengers and the captain" and "42 people on board, including the
    // captain" count the same boat load; "41" and "42" cannot both be right was wrong. Two
    // counts of one noun still dispute: "41 passengers" against "44 passengers".
    let r = run(&[
        "A river ferry capsized near Alton on Sunday, officials said. The boat was carrying 41 \
         passengers and the captain, according to the operator. Rescuers pulled survivors from \
         the water within minutes. The cause of the accident is under investigation. The river \
         was high after a week of rain. The operator has suspended its other crossings.",
        "The ferry that overturned near Alton on Sunday had 42 people on board, including the \
         captain. Divers searched the river into the night. The state police said the boat had \
         been inspected in March. Witnesses said the ferry turned sharply before it tipped. \
         The ferry line halted service on its other routes.",
        "A ferry carrying 44 passengers capsized on the river near Alton on Sunday. Firefighters \
         used boats to reach people in the water. The company said it was cooperating with \
         investigators. A hospital in Alton treated several people for hypothermia.",
    ]);
    let whole = group_of(&r, "s2", "42 people on board");
    assert!(
        whole
            .conflict
            .as_ref()
            .is_none_or(|c| !c.detail.contains("42")),
        "{whole:?}"
    );
    let passengers = group_of(&r, "s3", "44 passengers");
    let c = passengers
        .conflict
        .as_ref()
        .expect("41 against 44 passengers");
    assert!(c.detail.contains("41") && c.detail.contains("44"), "{c:?}");
}

#[test]
fn a_figure_told_for_another_month_is_another_reading() {
    // Reason: "rose to 6.1% in May from 5.9% in April" and "was 5.9 per cent in May" give May's
    // rate two values; the wire's 5.9% is April's. Read without its month, 5.9 matched 5.9:
    // no dispute, and "5.9%" shown as a number the outlets share.
    let r = run(&[
        "Jobless rate climbs to 6.1% as hiring stalls\n\nThe unemployment rate rose to 6.1% in \
         May from 5.9% in April, the statistics agency said on Friday. Employers cut 24,000 \
         jobs, most of them in manufacturing. Economists had expected a small gain. The \
         currency weakened after the report. Wages grew more slowly than prices.",
        "The unemployment rate was 5.9 per cent in May, the agency reported Friday. Factories shed \
         thousands of positions over the month. Retailers added workers ahead of the summer. \
         The central bank meets next week to set rates. Analysts said the labour market was \
         cooling.",
        "More people are out of work this spring. The number of people looking for jobs grew \
         in most provinces. Young workers were hit hardest. The finance minister said the \
         government was watching closely.",
    ]);
    let g = group_of(&r, "s2", "5.9 per cent in May");
    assert!(g.members.iter().any(|m| m.source == "s1"), "{g:?}");
    assert_numeric_conflict(g, "6.1%", "5.9 per cent");
    assert!(!g.numbers.iter().any(|n| n.contains("5.9")), "{g:?}");
}

#[test]
fn a_vague_amount_is_no_number_in_common() {
    // Reason: "dozens of people were hurt" fits "26 people were hurt", but "Numbers in common:
    // 26" said two outlets gave the number when one gave only "dozens".
    let r = run(&[
        "A gas explosion tore through an apartment block in Varna on Tuesday, injuring 26 \
         people, the fire service said. Three buildings nearby were damaged. Firefighters \
         searched the rubble into the night. The cause of the blast is not yet known. The \
         mayor declared a day of mourning.",
        "Dozens of people were injured when a gas explosion ripped through an apartment block \
         in Varna on Tuesday. Residents said they had smelled gas for days. The building's \
         manager could not be reached. Police closed the street.",
        "An explosion at a Varna apartment building injured many people on Tuesday, officials \
         said. Rescue teams worked through the night. The city offered shelter to families \
         who lost their homes.",
    ]);
    let g = group_of(&r, "s2", "Dozens of people were injured");
    assert!(g.members.iter().any(|m| m.source == "s1"), "{g:?}");
    assert!(
        !g.numbers
            .iter()
            .any(|n| n.contains("26") || n.contains("Dozens")),
        "{g:?}"
    );
}

#[test]
fn an_offer_told_beside_other_statements_joins_its_plain_telling() {
    // Reason: "…, which runs the rail yard, says it offered 3 percent" says only the offer
    // after its speaker and the speaker's description, and "said it had offered a 3% raise and
    // called the strike reckless" packs the offer with another statement; both are the offer
    // another outlet states plainly ("Harlow has offered 3 per cent"), and a reader sees three
    // outlets on it. The short statement was no clause, so the three were two groups.
    let r = run(&[
        "Rail yard workers walked out at Brandt Junction on Tuesday. Harlow Freight said it had \
         offered a 3% raise and called the strike reckless and costly. The union wants 8% over \
         three years. Trains bound for the coast were held in sidings overnight. The mayor urged \
         both sides to meet again.",
        "About 900 workers struck at the Brandt Junction rail yard on Tuesday morning. Harlow \
         has offered 3 per cent. Union officials said members would stay out until the company \
         improved its offer. Shippers moved some freight to trucks.",
        "A strike has shut the rail yard at Brandt Junction. Harlow Freight, which runs the rail \
         yard, says it offered 3 percent. The walkout left dozens of trains waiting. Farmers \
         said grain deliveries would be delayed.",
    ]);
    let g = group_of(&r, "s2", "has offered 3 per cent");
    assert_eq!(g.sources, 3, "{g:?}");
}

#[test]
fn a_figure_in_dispute_names_every_outlets_value() {
    // Reason: three outlets gave nine, seven and eleven injured; the conflict named two of
    // them, and a reader took the third outlet's figure for one that agreed.
    let r = run(&[
        "Nine people were injured when a bus overturned on the coast road on Monday, police said.",
        "Seven people were injured when a bus overturned on the coast road on Monday, police said.",
        "Eleven people were injured when a bus overturned on the coast road on Monday, police said.",
    ]);
    let g = group_of(&r, "s1", "Nine people");
    assert_eq!(g.sources, 3, "{g:?}");
    let detail = &g.conflict.as_ref().expect("a conflict").detail;
    for value in ["Nine", "Seven", "Eleven", "cannot all be right"] {
        assert!(detail.contains(value), "{detail}");
    }
}

#[test]
fn an_open_figure_near_a_number_is_that_number() {
    // Reason: one outlet wrote "more than $240,000 in bribes", another "about $250,000": the
    // comparison counted the two figures as differing, and the ledes of a corruption trial
    // stayed apart; a bound and a number just past it are one figure, and no dispute.
    let r = run(&[
        "A county official was convicted on Friday of accepting more than $480,000 in kickbacks from road contractors in exchange for paving work.",
        "Jurors found the former county official guilty of taking about $500,000 in kickbacks from contractors who wanted road business.",
    ]);
    let g = group_of(&r, "s1", "more than $480,000");
    assert_eq!(g.sources, 2, "{g:?}");
    assert!(g.conflict.is_none(), "{g:?}");
}

#[test]
fn a_small_count_told_two_ways_is_disputed() {
    // Reason: "found 17 problematic leaks" against "found 13 leaks" was never compared: counts
    // under 20 are too common in a story to join claims by themselves, and the statements,
    // told differently, stayed apart. The same noun counted with the same verb is one fact:
    // the outlet fewer sources agree with disputes it.
    let r = run(&[
        "The Carver Museum will close its east wing for repairs. A review by an outside firm later identified 13 such leaks in the roof, according to a summary released by the museum. The wing holds the museum's oldest paintings. Visitors can still see the main galleries.",
        "The Carver Museum's east wing is closing. An independent firm hired by the trustees found 17 problematic leaks, two people familiar with its report said. The museum has not said when the wing will reopen. Its director declined to comment.",
        "The Carver Museum is shutting its east wing. A firm of outside engineers found 13 leaks, the museum said. Repairs could take a year. Paintings have been moved to storage.",
    ]);
    let g = group_of(&r, "s2", "17 problematic leaks");
    assert_eq!(g.sources, 3, "{g:?}");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    assert_eq!(member(g, "s2").stance, Stance::Disputes, "{g:?}");
    assert_ne!(member(g, "s1").stance, Stance::Disputes, "{g:?}");
    let detail = &g.conflict.as_ref().unwrap().detail;
    assert!(
        detail.contains("“13” (n1, n3)") && detail.contains("“17” (n2)"),
        "{detail}"
    );
}

#[test]
fn a_count_past_its_modifiers_is_of_its_noun() {
    // Reason: "11 badly corroded cables" counted "badly", so "14 corroded cables" elsewhere
    // was no count of the same thing and the group showed no dispute.
    let r = run(&[
        "The Ridgeway Bridge will stay closed to trucks through the winter. An engineering review commissioned by the county found 14 corroded cables on the span, according to a summary released by the county. Repairs are expected to cost about $3 million. Commissioners will vote on a contractor next month.",
        "Trucks will be kept off the Ridgeway Bridge until spring. Outside engineers hired by the county found 11 badly corroded cables, two people familiar with their findings said. The bridge carries about 20,000 vehicles a day.",
        "County officials closed the Ridgeway Bridge to heavy trucks on Tuesday. A review by outside engineers identified 14 corroded cables, the county said. The county has not said how long repairs will take. Cars may still use the bridge.",
    ]);
    let g = group_of(&r, "s2", "11 badly corroded cables");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    assert!(
        g.members
            .iter()
            .any(|m| m.source == "s2" && m.stance == Stance::Disputes),
        "{g:?}"
    );
}

#[test]
fn the_account_fewer_sources_agree_with_disputes() {
    // Reason: the wire and the broadcaster gave "15 passages", the paper "18"; the wire's
    // sentence reads too unlike the paper's to be in dispute with it by itself, so the tie
    // between the paper and the broadcaster made the broadcaster, the later one, the disputer.
    // Two sources agree on 15: the paper disputes, and the conflict names both that agree.
    let r = run(&[
        "Harlan University president resigns amid plagiarism allegations\n\nBy Dana Whitcomb\n\nGREENVILLE, Ore. (Wire) — The president of Harlan University, Margaret Osei, resigned on Tuesday, three weeks after a student newspaper reported that parts of her doctoral dissertation had been copied from other scholars' work.\n\nThe university's board of trustees accepted her resignation at an emergency meeting, board chair Leonard Pruitt said in a statement. Provost James Harrow will serve as interim president while the board searches for a successor, Pruitt said.\n\nThe Harlan Ledger, the student paper, reported on Nov. 14 that it had found 12 passages in Osei's 2004 dissertation that closely matched earlier published work without attribution. A review by an outside panel later identified 15 such passages, according to a summary released by the board.\n\nOsei denied that she had plagiarized. \"I made citation errors, and I regret them, but I never presented anyone else's ideas as my own,\" she wrote in a letter to faculty.\n\nOsei, 61, had led the university of 14,000 students since 2019. Faculty had planned a vote of no confidence for next week.",
        "Osei steps down as Harlan president\n\nMargaret Osei resigned as president of Harlan University on Tuesday, ending a five-year tenure that unraveled after student journalists questioned her scholarship.\n\nThe Harlan Ledger found a dozen passages in her dissertation that were lifted from other researchers without credit. An independent panel hired by the trustees found 18 problematic passages, two people familiar with its report said.\n\n\"This was a difficult decision, but the university must be able to trust its leaders,\" said Leonard Pruitt, who chairs the board of trustees.\n\nOsei has said the problems were honest citation mistakes. She did not respond to a request for comment on Tuesday.\n\nThe board named Provost James Harrow as acting president. Harrow, a chemist, has been at Harlan since 1998.\n\nThe faculty senate had scheduled a no-confidence vote for next Wednesday. It was canceled after the resignation, the senate's president, Rita Campos, said.",
        "Harlan University's president quit Tuesday under pressure from faculty and students over accusations that she plagiarized her dissertation.\n\nMargaret Osei announced her resignation in a letter to the campus. She said she may have made mistakes in her citations but denied copying anyone's work.\n\nTrustees accepted the resignation at a hastily called meeting on Tuesday morning. They said Provost James Harrow would lead the school until a new president is chosen.\n\nThe student newspaper first raised the allegations this month, identifying 12 passages that matched other published research. A panel of outside experts found 15 passages, the board said.\n\nOsei, who earned $640,000 last year, is expected to receive a year's salary under her contract, according to a university spokesperson.",
    ]);
    let g = group_of(&r, "s2", "18 problematic passages");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    assert_eq!(member(g, "s2").stance, Stance::Disputes, "{g:?}");
    assert_ne!(member(g, "s3").stance, Stance::Disputes, "{g:?}");
    let detail = &g.conflict.as_ref().unwrap().detail;
    assert!(
        detail.contains("“18” (n2)") && detail.contains("n1") && detail.contains("n3"),
        "{detail}"
    );
}

#[test]
fn a_figure_told_again_by_a_disputing_outlet_disputes_too() {
    // Reason: the headline "Meridian hack hit 1.4 million patients" stood as agreeing in a group
    // where its own article's "roughly 1.4 million" disputed the others' 1.2 million: its verb
    // ("affects") reads unlike the others', so its figure was compared with no one. The same
    // count of the same thing told twice by one outlet is one account.
    let r = run(&[
        "Velo recall affects 310,000 sedans\n\nVelo Motors is recalling about 310,000 sedans because their airbags may fail to deploy in a crash, the company said on Monday. Owners will be notified by mail in March.",
        "Velo Motors recalls 260,000 sedans over airbag flaw\n\nVelo Motors said on Monday it was recalling 260,000 sedans whose airbags may not deploy in a crash. Dealers will replace the inflators free of charge.",
        "Velo Motors will recall 260,000 of its sedans because their airbags can fail to deploy, according to a notice posted by federal safety regulators on Monday.",
    ]);
    let g = group_of(&r, "s1", "about 310,000 sedans");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    let s1: Vec<Stance> = g
        .members
        .iter()
        .filter(|m| m.source == "s1")
        .map(|m| m.stance)
        .collect();
    assert_eq!(s1, [Stance::Disputes, Stance::Disputes], "{g:?}");
    assert!(
        g.members
            .iter()
            .filter(|m| m.source != "s1")
            .all(|m| m.stance != Stance::Disputes),
        "{g:?}"
    );
}

#[test]
fn a_measure_told_two_ways_is_disputed() {
    // Reason: "has burned 12,400 acres" and "had scorched about 9,800 acres" were grouped
    // with no conflict: a measure in a unit was no figure to compare unless a noun was counted
    // with it, and the verb after a unit ("5,000 acres burned") was taken for that noun.
    let r = run(&[
        "Harlow Fire grows near Redding\n\nThe Harlow Fire has burned 12,400 acres in the hills east of Redding, the Forest Service said on Wednesday. About 2,000 residents were told to leave. Crews cut lines along the ridge to slow the flames. Smoke closed Interstate 5 for two hours. The cause is under investigation, officials said.",
        "Residents flee Harlow Fire\n\nThe Harlow Fire had scorched about 9,800 acres east of Redding by Wednesday, according to county fire officials. Some 2,000 people were ordered to evacuate. Three schools were closed. Air tankers dropped retardant through the afternoon. A Red Cross shelter opened at the county fairgrounds.",
    ]);
    let g = group_of(&r, "s1", "12,400 acres");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    let detail = &g.conflict.as_ref().unwrap().detail;
    assert!(
        detail.contains("12,400 acres") && detail.contains("9,800 acres"),
        "{detail}"
    );
    // The evacuation, 2,000 both ways, is no dispute.
    let e = group_of(&r, "s1", "2,000 residents");
    assert_eq!(e.status, GroupStatus::Corroborated, "{e:?}");
}

#[test]
fn a_figure_opening_its_sentence_reads_as_inside_one() {
    // Reason: the conflict read "“27” (n1) and “At least 31” (n2) cannot both be right": a
    // capital that only opened the other sentence.
    let r = run(&[
        "Hospital hit\n\nAn air strike hit the main hospital in Dar Salem on Tuesday, killing 27 people, the health ministry said. Aid convoys were turned back at the border. Fuel prices in the city have tripled since March. Schools have been closed for a month. The airport reopened to cargo flights on Sunday.",
        "Bombs fall on hospital\n\nAt least 31 people were killed when bombs struck the main hospital in Dar Salem on Tuesday, according to local officials. The city has had no power for a week. Bakeries ran out of flour on Monday. Two bridges into the old town were destroyed in April. Doctors have asked for generators.",
    ]);
    let g = group_of(&r, "s1", "killing 27 people");
    let detail = &g.conflict.as_ref().expect("a conflict").detail;
    assert!(detail.contains("“at least 31” (n2)"), "{detail}");
}

#[test]
fn a_sum_told_of_something_and_told_bare_is_one_sum() {
    // Reason: "claimed 48,000 euros in travel expenses" (wire, tv) and "billed the state for
    // about 52,000 euros of travel" (paper) were one group marked corroborated: the paper's sum
    // counted "travel", the others' nothing, so they were not one sum to compare. "Tens of
    // thousands of euros" fits both.
    let r = resignation();
    let g = group_of(&r, "s1", "48,000 euros");
    assert_numeric_conflict(g, "48,000 euros", "about 52,000 euros");
    assert!(
        g.members
            .iter()
            .any(|m| m.source == "s2" && m.stance == Stance::Disputes),
        "{g:?}"
    );
}

#[test]
fn the_sickened_are_one_toll() {
    // Reason: "four infants who became ill" (wire), "five babies had fallen ill" (paper) and
    // "four babies got sick" (tv) were one group marked corroborated: those who fell ill were
    // no toll, and infants and babies no one noun, so the figures were never compared.
    let r = recall();
    let g = group_of(&r, "s1", "four infants");
    assert_numeric_conflict(g, "four", "five");
    assert!(
        g.members.iter().any(|m| m.source == "s3"),
        "the broadcaster's account is in the group: {g:?}"
    );
}

#[test]
fn the_whole_a_part_is_taken_from_disputes_no_part() {
    // Reason: "from several of its 14 hospitals" (wire), "from Lakeshore Memorial and three
    // other hospitals" (paper) and "from four of its hospitals" (tv) read "“14”, “three” and
    // “four” cannot all be right": the outlets agree on four.
    let r = cyberattack();
    let g = group_of(&r, "s3", "diverted from four of its hospitals");
    assert!(g.conflict.is_none(), "{g:?}");
}

#[test]
fn a_share_price_told_around_a_name_set_off_is_compared() {
    // Reason: "Shares of Lakeshore's parent company, Corvane Holdings, fell 6%" and "Corvane
    // Holdings … saw its stock drop 8% Tuesday" were corroborated, their figures never compared.
    let r = cyberattack();
    let g = group_of(&r, "s1", "fell 6%");
    assert_numeric_conflict(g, "6%", "8%");
}

#[test]
fn a_stocks_move_told_in_other_words_is_compared() {
    // Reason: "Tessaro shares jumped 22% in Milan" and "Tessaro's stock surged 25% on the
    // news" share no word, and a whole percent is common in a story, so the two accounts of
    // the one move stayed apart and uncompared. The deal's price in dollars and in euros
    // ("$8.4 billion" / "7.8 billion euros") disputes nothing.
    let r = merger();
    let g = group_of(&r, "s1", "jumped 22%");
    assert_numeric_conflict(g, "22%", "25%");
    let deal = group_of(&r, "s2", "7.8 billion euros");
    assert!(deal.conflict.is_none(), "{deal:?}");
}

#[test]
fn two_roundings_of_one_measure_that_meet_are_one_figure() {
    // Reason: "blackened about 19,000 acres" (paper) stayed apart from "roughly 18,000 acres"
    // (tv) and "18,500 acres" (wire), which were one group: neither rounding is the other's
    // number, but their ranges meet, so they are two outlets' roundings of one area.
    let r = utility_fire();
    let g = group_of(&r, "s3", "roughly 18,000 acres");
    assert_eq!(g.sources, 3, "{g:?}");
    assert!(g.members.iter().any(|m| m.source == "s2"), "{g:?}");
    assert!(g.conflict.is_none(), "{g:?}");
}

#[test]
fn a_count_of_people_counts_people() {
    // Reason: "forcing about 30,000 people to evacuate" counted nothing ("people" was passed
    // over as a filler, and "to" is no noun), so it was no figure to compare with "Roughly
    // 30,000 residents were under evacuation orders", which stayed single-source.
    let r = utility_fire();
    let g = group_of(&r, "s2", "Roughly 30,000 residents");
    assert!(g.members.iter().any(|m| m.source == "s1"), "{g:?}");
    assert!(g.members.iter().any(|m| m.source == "s3"), "{g:?}");
}

#[test]
fn values_that_fit_one_another_are_one_side_of_a_dispute() {
    // Reason: with "three deaths" (paper) in the toll group, its conflict read "“three”
    // (paper), “Two” (wire) and “At least three” (tv) cannot all be right": three and at
    // least three agree; only two is against them.
    let r = utility_fire();
    let g = group_of(&r, "s1", "Two people were confirmed dead");
    let detail = &g.conflict.as_ref().expect("a toll in dispute").detail;
    assert_eq!(
        detail, "“three” (n2) / “At least three” (n3) and “Two” (n1) cannot both be right",
        "{g:?}"
    );
}

#[test]
fn a_count_that_reached_a_level_counts_its_subject() {
    // Reason: "cases climb to 44" and "The number of measles cases tied to an outbreak … rose
    // to 44" counted nothing (no noun after the number), so "grows to 41 cases" in another
    // outlet was grouped with them but never compared: the board said the outlets agreed.
    let r = run(&[
        "Measles outbreak in Oregon grows to 41 cases, officials say\n\nThe outbreak began at an elementary school in Medford, in Jackson County, state health officials said Wednesday. Seven people have been admitted to hospitals. Officials urged parents to check their children's vaccination records. The county has opened three free vaccination clinics. The school district said it had followed all state guidance.",
        "The number of measles cases tied to an outbreak in Jackson County rose to 44 on Wednesday, according to county health officials, the worst outbreak in Oregon in years.\n\nThe outbreak was traced to an elementary school in Medford. Parents lined up for hours outside the free clinics this week. Some parents blamed the school for not warning families sooner. The district denied that it had been slow to notify parents. Officials have not confirmed the source of the outbreak.",
    ]);
    let g = group_of(&r, "s1", "grows to 41 cases");
    assert_numeric_conflict(g, "41", "44");
}
