//! The Swedish descriptions of remiss's own commands, arguments and values in `--help` (clap
//! derives them from the doc comments, in English). One row per text, keyed by where it
//! belongs: `PATH` for a command's description (`""` the top, `notes add` a nested command),
//! `PATH#short` for its short description where the English has one of its own,
//! `PATH:ARG` for an argument (clap's id: the field's name), `PATH:ARG=VALUE` for a value's
//! own description. A test walks the whole command tree so that no text is left without one.

/// `(key, Swedish text)`; a text of several paragraphs (blank lines between them) is the long
/// help, its first paragraph the short one.
pub const SV: &[(&str, &str)] = &[
    (
        "#short",
        "Läs ett kommunalt ärende och varje remissvar, reservation och uttalande om det",
    ),
    (
        "import#short",
        "Importera ett dokument som en ärendefil: ett utlåtande från Stockholm, ett kommunalt protokoll eller protokollsutdrag, eller ett betänkande från ett riksdagsutskott; text, PDF (genom pdftotext), HTML eller riksdagens dokumentstatus-JSON. Flera protokollsutdrag om ett ärende (ett per organ) blir ett ärende",
    ),
    (
        "search#short",
        "Sök i varje stycke i varje ärende: ord, stavfel, \"fraser\", filter",
    ),
    (
        "",
        "Läs ett kommunalt ärende och varje remissvar, reservation och uttalande om det.\n\nUtan kommando öppnas appen på SÖKVÄG (standard: ./cases, eller det medföljande ärendet när det inte finns någon mapp ./cases).",
    ),
    (
        ":path",
        "Ärendefil eller mapp med ärendefiler att öppna i appen",
    ),
    (
        ":notes",
        "Appens anteckningsfil (standard: bredvid ärendefilen, `NAMN.notes.toml`); bara med ett enda ärende",
    ),
    (
        ":lang",
        "Språk för etiketter och meddelanden (standard: från språkinställningen)",
    ),
    (
        ":color",
        "Färg: auto (en terminal, om inte NO_COLOR är satt eller TERM=dumb; 24-bitars färg bara när COLORTERM=truecolor), always eller never",
    ),
    (
        ":color=auto",
        "I en terminal, om inte NO_COLOR är satt eller TERM=dumb",
    ),
    (":color=always", "Även till ett rör eller en fil"),
    (":color=never", "Ingen färg"),
    (":no_color", "Samma som --color never"),
    (
        ":config",
        "Appens konfigurationsfil (tangenter, tema); standard: $REMISS_CONFIG, annars $XDG_CONFIG_HOME/remiss/config.toml (eller ~/.config/remiss/config.toml) där den finns",
    ),
    (
        "check",
        "Kontrollera ärendefiler; skriv ut varje problem (slutstatus 0 giltig, 1 ogiltig, 2 användningsfel)",
    ),
    ("check:paths", "Ärendefiler eller mappar"),
    (
        "matrix",
        "Skriv ut matrisen organ × ställningstagande (eller organ × parti) för varje ärende, eller en mapps matris ärenden × partier",
    ),
    ("matrix:path", "Ärendefil eller mapp"),
    (
        "matrix:by",
        "stance: per ärende, organ × ställningstaganden; party: per ärende, organ × partier; case: ärenden × partier, varje cell ett partis ställningstaganden i ärendets organ",
    ),
    (
        "matrix:by=stance",
        "Varje ärende: organ × ställningstaganden; cellerna listar partierna",
    ),
    (
        "matrix:by=party",
        "Varje ärende: organ × partier; cellerna listar ställningstagandena",
    ),
    (
        "matrix:by=case",
        "Över ärendena: ärenden × partier; varje cell ett partis ställningstaganden i ärendets organ",
    ),
    (
        "matrix:by=point",
        "Varje ärende: beslutspunkter × partier: reservationer med sina nummer, särskilda uttalanden, varje partis röst och den vinnande sidan",
    ),
    (
        "matrix:search",
        "Bara ärenden där denna sökning hittar ett stycke (syntaxen i `remiss search`, t.ex. \"trygghet party:M\")",
    ),
    (
        "matrix:from",
        "Bara ärenden daterade denna dag eller senare (ÅÅÅÅ-MM-DD; utlåtandets datum)",
    ),
    (
        "matrix:to",
        "Bara ärenden daterade denna dag eller tidigare (ÅÅÅÅ-MM-DD)",
    ),
    (
        "notes",
        "Skriv ut ett ärendes debattanteckningar (Markdown, text, JSON) eller skriv dem som Word (.docx), eller lägg till citat i dem",
    ),
    ("notes:path", "Ärendefil eller mapp"),
    (
        "notes:notes",
        "Anteckningsfilen (standard: bredvid ärendefilen, `NAMN.notes.toml`)",
    ),
    (
        "notes:case",
        "Med en mapp med flera ärenden: ärendet (id eller diarienummer)",
    ),
    ("notes:format=docx", "Word (.docx); kräver -o"),
    (
        "notes:output",
        "Skriv till denna fil i stället för till standard ut (krävs för docx)",
    ),
    ("notes:force", "Skriv över FIL om den finns"),
    (
        "notes:add",
        "Lägg till ett citat och skriv sedan ut: ett ställningstagandes id (`socialnamnden/reservation/M`), `section:ID`, `decision:ORGAN` eller `proposal`, med stycken `#2` eller `#2-3` om så önskas (från 1; standard alla). Kan anges flera gånger",
    ),
    (
        "notes:heading",
        "Med --add: en rubrik att lägga före citaten",
    ),
    (
        "notes:comment",
        "Med --add: en kommentar under varje tillagt citat",
    ),
    (
        "similar",
        "Familjer av nästan identiska ställningstaganden, deras andra släktskap och återanvända stycken",
    ),
    ("similar:path", "Ärendefil eller mapp"),
    (
        "similar:threshold",
        "Båda måtten minst detta: nästan identiska; ett av dem: innefattar (0 < T ≤ 1)",
    ),
    (
        "similar:relations",
        "Släktingar som behålls per text, närmast först: högst N i dess familj och N utanför den (familjer listar varje medlem mot grundtexten oavsett N)",
    ),
    (
        "similar:all_pairs",
        "Skriv i stället ut varje besläktat par, ett per rad när det hittas (JSON-rader med --format json, annars tabbseparerat): för skript; tiden växer med kvadraten på en familjs storlek, minnet gör det inte",
    ),
    (
        "diff",
        "Ordvis jämförelse av två ställningstaganden, angivna med id (`socialnamnden/reservation/M`; med flera ärenden inlästa `ÄRENDE_ID:STÄLLNINGSTAGANDE_ID` när id:t finns i mer än ett)",
    ),
    ("diff:path", "Ärendefil eller mapp"),
    ("diff:a", "Det vänstra (gamla) ställningstagandet"),
    ("diff:b", "Det högra (nya) ställningstagandet"),
    (
        "elsewhere",
        "Varje ärende där ett ställningstagandes text, eller ett stycke ur den, förekommer (identisk eller en variant), i datumordning med första förekomsten markerad",
    ),
    ("elsewhere:path", "Ärendefil eller mapp"),
    (
        "elsewhere:position",
        "Ställningstagandet (`socialnamnden/reservation/M`, eller `ÄRENDE_ID:…` när id:t finns i mer än ett ärende), med ett stycke från 1 om så önskas: `…/M#2`",
    ),
    (
        "import",
        "Importera ett dokument som en ärendefil.\n\nLäser ett utlåtande från Stockholm med dess remissvar; ett kommunalt protokoll eller protokollsutdrag (ett ärende per § med yrkanden, en omröstning, en reservation eller ett uttalande, eller den § som anges med --paragraph); eller ett betänkande från ett riksdagsutskott som text, PDF, dess HTML eller riksdagens öppna data (dokumentstatus-JSON). Talar om på standard fel vilken sorts dokument det fann; ett dokument av ingen av dessa sorter vägras (slutstatus 1) om inte --force anges, som skriver allt till oplacerade avsnitt.\n\nFlera protokollsutdrag om en remitterad motion (ett per organ) importeras till ett ärende: `remiss import ks.pdf sbn.pdf kf.pdf -o case.toml`; de matchas på diarienummer eller motionens titel.\n\nSlutstatus: 0 när ärendefilen skrevs (med eller utan varningar), 1 när ett dokument inte kan läsas eller importeras eller UT finns, 2 för ett användningsfel.",
    ),
    (
        "import:files",
        "Dokumentet eller dokumenten: text, PDF (kräver pdftotext från poppler), HTML eller JSON",
    ),
    (
        "import:output",
        "Skriv ärendefilen hit i stället för till standard ut",
    ),
    (
        "import:force",
        "Skriv över UT om den finns; importera ett dokument av okänd sort ändå (allt som oplacerad text)",
    ),
    (
        "import:paragraph",
        "Importera bara denna § ur ett protokoll (standard: varje § med yrkanden, en omröstning, en reservation eller ett uttalande)",
    ),
    (
        "import:strict",
        "Avsluta med 3 när ett faktum är osäkert eller text är oplacerad (filerna skrivs ändå)",
    ),
    (
        "review",
        "Lista de fakta en import härledde (osäkra först), bekräfta dem, eller rätta ett ställningstagande, ett parti eller var oplacerad text hör hemma; filen ändras på plats, atomärt, och behåller allt annat som det var",
    ),
    ("review:file", "Ärendefilen (skriven av `remiss import`)"),
    (
        "review:list",
        "Lista fakta att granska, osäkra först, sedan härledda, och den oplacerade texten (standard när ingen ändring anges)",
    ),
    ("review:all", "Lista även de bekräftade fakta"),
    (
        "review:confirm",
        "Bekräfta ett faktum: STÄLLNINGSTAGANDE_ID#FAKTUM eller ORGAN_ID#FAKTUM, som `--list` anger det (kan upprepas)",
    ),
    (
        "review:stance",
        "Ge ett ställningstagande ett annat ställningstagande: STÄLLNINGSTAGANDE_ID STÄLLNING",
    ),
    (
        "review:party",
        "Byt ett parti i ett ställningstagande: STÄLLNINGSTAGANDE_ID FRÅN TILL",
    ),
    (
        "review:assign",
        "Flytta ett oplacerat stycke (AVSNITT#N, från 1) till slutet av ett ställningstagandes text (STÄLLNINGSTAGANDE_ID) eller ett organs beslut (decision:ORGAN_ID)",
    ),
    (
        "search",
        "Sök i varje stycke i varje ärende: ställningstagandenas texter, organens beslut, ärendets avsnitt och dess förslag.\n\nSökorden matchar ord i ett stycke, bästa först: samma ord, början av ett ord (`bostad` hittar `bostadsbrist`), en del av ett sammansatt ord (`kiosk` hittar `trygghetskiosker`, 4+ bokstäver), ett ord med ett stavfel (ett för 5+ bokstäver, två för 9+; två bokstäver som bytt plats är ett), en förkortning (`sdn` hittar `stadsdelsnämnd`). Varje ord måste matcha; stycken där orden står nära varandra och i ordning rankas högre. Stora och små bokstäver är desamma. Ett ord utan å, ä, ö hittar även dem (`skarholmen` hittar `Skärholmen`, exakta bokstäver rankas högre); ett ord med dem betyder exakt dem (`för` hittar inte `for`).\n\n  \"varje tunnelbanestation\"   exakt fras (hela ord, i denna ordning)\n  party:M                     ställningstagande av M (kod, eller början av partiets namn)\n  stance:reservation          approve, approve_in_part, reject, answered, unknown,\n                              reservation, special_statement, substitute_statement,\n                              protocol_note, no_answer; eller på svenska: tillstyrker,\n                              delvis, avstyrker, besvarad, okänd, särskilt,\n                              ersättaryttrande, protokollsanteckning; början av ordet räcker\n  body:skarholmen             organ efter namn (ungefärligt, som sökord)\n  case:2025/1121              ärende efter diarienummer, id eller ord i titeln\n\nFilter kombineras med OCH; kommaseparerade värden med ELLER (party:S,V); sätt citattecken kring ett värde med mellanslag (body:\"hässelby vällingby\"). En fråga med bara filter listar varje stycke de tillåter.\n\nSlutstatus: 0 när sökningen kördes (även utan träffar: då ett meddelande på standard fel), 1 när en ärendefil har problem (träffar från de goda filerna skrivs ändå ut), 2 för ett användningsfel eller en fråga som inte kan användas som den är skriven (ett okänt ställningstagande, ett tomt filter).",
    ),
    ("search:path", "Ärendefil eller mapp"),
    (
        "search:query",
        "Frågan; flera argument sätts ihop med mellanslag",
    ),
    (
        "search:limit",
        "Visa högst N träffar, bästa först (0: alla)",
    ),
    (
        "search:full",
        "Skriv ut hela stycken i stället för ungefär tre rader kring träffen (textformat)",
    ),
    (
        "search:no_cache",
        "Läs varje ärendefil och bygg indexet, utan att läsa eller skriva sökcachen (även när REMISS_NO_CACHE=1)",
    ),
    (
        "report",
        "Skriv en rapport att ge kolleger: en HTML-fil som varje webbläsare öppnar och skriver ut (sammanfattningen, matrisen, varje text med sin källa, återanvänd text med ordvisa jämförelser, debattanteckningarna)",
    ),
    ("report:path", "Ärendefil eller mapp"),
    (
        "report:output",
        "Skriv rapporten hit (HTML) i stället för till standard ut",
    ),
    ("report:force", "Skriv över FIL om den finns"),
    (
        "report:notes",
        "Anteckningsfilen (standard: bredvid varje ärendefil, `NAMN.notes.toml`); bara med ett enda ärende",
    ),
    (
        "completions",
        "Skriv ut ett kompletteringsskript för skalet: `remiss completions bash > ~/.local/share/bash-completion/completions/remiss`",
    ),
    (
        "man",
        "Skriv ut manualsidan (roff), eller skriv en sida per kommando i en mapp",
    ),
    (
        "man:out_dir",
        "Skriv i stället remiss.1 och remiss-KOMMANDO.1 i denna mapp",
    ),
    (
        "schema",
        "Skriv ut JSON-schemat för ärendeformatet, för redigerare som kontrollerar TOML (taplo, Even Better TOML)",
    ),
    (
        "config",
        "Kontrollera appens konfigurationsfil (tangenter, tema) och tala om vilken fil som används, eller skriv ut den inbyggda konfigurationen som en kommenterad fil att utgå från",
    ),
    (
        "config:default",
        "Skriv ut den inbyggda konfigurationen (varje tangent på varje skärm, med vad den gör)",
    ),
];

/// The Swedish text of `key`, if there is one.
pub fn text(key: &str) -> Option<&'static str> {
    SV.iter().find(|(k, _)| *k == key).map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every (key, English text) of the command tree.
    fn english(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        let about = cmd
            .get_long_about()
            .or(cmd.get_about())
            .map(|s| s.to_string());
        if let Some(a) = about {
            out.push((path.to_string(), a));
        }
        if let (Some(_), Some(short)) = (cmd.get_long_about(), cmd.get_about()) {
            out.push((format!("{path}#short"), short.to_string()));
        }
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if matches!(id, "help" | "version") {
                continue;
            }
            let help = arg
                .get_long_help()
                .or(arg.get_help())
                .map(|s| s.to_string());
            if let Some(h) = help {
                out.push((format!("{path}:{id}"), h));
            }
            for v in arg.get_possible_values() {
                if let Some(h) = v.get_help() {
                    out.push((format!("{path}:{id}={}", v.get_name()), h.to_string()));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            let p = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            english(sub, &p, out);
        }
    }

    #[test]
    fn every_text_has_a_swedish_one() {
        let mut all = Vec::new();
        english(&crate::cli::Cli::command(), "", &mut all);
        let missing: Vec<String> = all
            .iter()
            .filter(|(k, _)| text(k).is_none())
            .map(|(k, t)| format!("    ({k:?}, {t:?}),"))
            .collect();
        assert!(
            missing.is_empty(),
            "no Swedish text for:\n{}",
            missing.join("\n")
        );
    }
}
