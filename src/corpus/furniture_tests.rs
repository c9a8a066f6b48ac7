//! Unit tests of furniture stripping, on fixtures written for them (shapes seen in scraped news).

use super::strip;

#[test]
fn hover_card_keeps_the_name_and_the_party() {
    let body = "Sen. Joni Ernst Joni Kay ErnstTrump holds chummy meeting with Turkey's Erdoğan Overnight \
                Defense: Officials fear Syria pullout MORE (Iowa) said on Tuesday that the bill would pass."
        .to_string();
    assert_eq!(
        strip(body),
        "Sen. Joni Ernst (Iowa) said on Tuesday that the bill would pass."
    );
}

#[test]
fn hover_card_with_a_nickname_and_no_party() {
    let body = "Leader Mitch McConnell Addison (Mitch) Mitchell McConnellGOP senators balk at lengthy \
                impeachment trial Graham says Schiff should be a witness MORE (R-Ky.) spoke. Then \
                President Trump Donald John TrumpSenate GOP waves Trump off early motion MORE signed it."
        .to_string();
    assert_eq!(
        strip(body),
        "Leader Mitch McConnell (R-Ky.) spoke. Then President Trump signed it."
    );
}

#[test]
fn the_word_more_alone_is_not_a_card() {
    let body =
        "Democrats want MORE money. Read MORE about it later, said Ms. Ocasio-Cortez.".to_string();
    assert_eq!(strip(body.clone()), body);
}

#[test]
fn captions_signups_and_ads_go() {
    let body = "Enlarge this image toggle caption J. Scott Applewhite/AP J. Scott Applewhite/AP\n\n\
                The Senate voted 52-48.\n\nAdvertisement\n\nImage copyright Getty Images Image caption \
                Mr Barr at the hearing\n\nIt now goes to the House.\n\nSign up for Daily Newsletters Manage \
                Newsletters\n\nCopyright © 2019 The Washington Times, LLC. Click here for reprint permission."
        .to_string();
    assert_eq!(
        strip(body),
        "The Senate voted 52-48.\n\nIt now goes to the House."
    );
}

#[test]
fn read_more_takes_its_headlines_with_it() {
    let body = "The bill failed.\n\nRead more:\n\nGOP health care bill appears doomed as Collins, Cruz \
                express doubts\n\nMcCain says he is a 'no' on Graham-Cassidy bill\n\nJordain Carney \
                contributed.\n\nRelated:Trump's business ties to Russia stretch back 30 years"
        .to_string();
    assert_eq!(strip(body), "The bill failed.");
}

#[test]
fn a_sentence_after_read_more_stays() {
    let body = "Read more:\n\nRubio to block the nominee\n\nThe vote is on Friday, aides said."
        .to_string();
    assert_eq!(strip(body), "The vote is on Friday, aides said.");
}

#[test]
fn clean_text_is_untouched() {
    let body = "Rep. Thomas Massie (R-Ky.) introduced H.R. 1234.\n\nIt would withdraw from NATO."
        .to_string();
    assert_eq!(strip(body.clone()), body);
}

#[test]
fn hover_card_with_a_space_before_the_headlines() {
    let body = "Speaker Paul Ryan Paul Davis Ryan Retirees should say 'no thanks' to Romney's plan DC's \
                liaison to rock 'n' roll MORE (R-Wis.) is retiring. House Majority Leader Steny Hoyer Steny \
                Hamilton Hoyer Hoyer calls GOP efforts 'despicable' MORE (D-Md.) was firmer."
        .to_string();
    assert_eq!(
        strip(body),
        "Speaker Paul Ryan (R-Wis.) is retiring. House Majority Leader Steny Hoyer (D-Md.) was firmer."
    );
}

#[test]
fn shouted_related_headlines_go() {
    let body = "The deal was approved in 2010.\n\nREPS. JORDAN AND GAETZ: SPECIAL COUNSEL NEEDED AS \
                QUESTIONS MOUNT\n\nCLICK HERE TO READ MORE BY GREGG JARRETT\n\nThe FBI said NATO was told."
        .to_string();
    assert_eq!(
        strip(body),
        "The deal was approved in 2010.\n\nThe FBI said NATO was told."
    );
}

#[test]
fn photo_credits_contributor_lists_and_contact_lines_go() {
    let body = "Sen. Ann Lee spoke on Monday.\n\n\
        Jeb Bush speaks during the debate on Dec. 15, 2015, in Las Vegas. (Photo: John Locher, AP)\n\n\
        FILE PHOTO: Acting Attorney General Matthew Whitaker speaks at the Department of Justice in Des Moines.\n\n\
        President Trump speaks in the Roosevelt Room at the White House. REUTERS/Jonathan Ernst\n\n\
        Fox News' Alex Pappas, Mike Emanuel and Chad Pergram and The Associated Press contributed to this report.\n\n\
        To contact the reporter on this story: Ann Smith in Washington at asmith@bloomberg.net\n\n\
        Lee said the photo by the committee was not released.";
    let out = strip(body.to_string());
    assert_eq!(
        out,
        "Sen. Ann Lee spoke on Monday.\n\nLee said the photo by the committee was not released."
    );
}

#[test]
fn contributor_and_related_coverage_lines_go() {
    let body = "The bill passed on Friday.\n\nRelated Coverage Senator says grateful to panel for statement\n\n\
                It goes to the Senate.\n\nContributing: Jane Roe, Daily Planet, and Sam Poe and Ada Loe, \
                Gotham Gazette.\n\nReporting by Ann Vee; Editing by Bo Dee"
        .to_string();
    assert_eq!(
        strip(body),
        "The bill passed on Friday.\n\nIt goes to the Senate."
    );
}

#[test]
fn a_long_paragraph_starting_like_a_credit_stays() {
    let body = "Contributing: to the debate were many voices from both parties, who argued at length about the \
                merits of the measure and whether it could ever pass the House or be signed into law this year \
                or next."
        .to_string();
    assert_eq!(strip(body.clone()), body);
}
