"""Word lists the drafter reads names with: states, titles, organisation words, outlets.

Plain data, kept small and readable; the evaluation set (``bench/draft_eval.py``) measures
what they are worth. A state is written ``Name|demonyms|capital|other names``.
"""

from __future__ import annotations

_STATES = """
Afghanistan|Afghan|Kabul|
Albania|Albanian|Tirana|
Algeria|Algerian|Algiers|
Angola|Angolan|Luanda|
Argentina|Argentine,Argentinian|Buenos Aires|
Armenia|Armenian|Yerevan|
Australia|Australian|Canberra|
Austria|Austrian|Vienna|
Azerbaijan|Azerbaijani,Azeri|Baku|
Bahrain|Bahraini|Manama|
Bangladesh|Bangladeshi|Dhaka|
Belarus|Belarusian|Minsk|
Belgium|Belgian||
Bolivia|Bolivian|La Paz|
Bosnia|Bosnian|Sarajevo|Bosnia and Herzegovina
Brazil|Brazilian|Brasilia|
Bulgaria|Bulgarian|Sofia|
Cambodia|Cambodian|Phnom Penh|
Canada|Canadian|Ottawa|
Chile|Chilean|Santiago|
China|Chinese|Beijing,Peking|People's Republic of China,PRC
Colombia|Colombian|Bogota|
Croatia|Croatian|Zagreb|
Cuba|Cuban|Havana|
Cyprus|Cypriot|Nicosia|
Czech Republic|Czech|Prague|Czechia
Czechoslovakia|Czechoslovak||
Denmark|Danish|Copenhagen|
Egypt|Egyptian|Cairo|
Estonia|Estonian|Tallinn|
Ethiopia|Ethiopian|Addis Ababa|
Finland|Finnish|Helsinki|
France|French|Paris|
Georgia|Georgian|Tbilisi|
Germany|German|Berlin,Bonn|West Germany,East Germany
Greece|Greek|Athens|
Hungary|Hungarian|Budapest|
India|Indian|New Delhi,Delhi|
Indonesia|Indonesian|Jakarta|
Iran|Iranian|Tehran|Islamic Republic
Iraq|Iraqi|Baghdad|
Ireland|Irish|Dublin|
Israel|Israeli|Jerusalem,Tel Aviv|
Italy|Italian|Rome|
Japan|Japanese|Tokyo|
Jordan|Jordanian|Amman|
Kazakhstan|Kazakh|Astana|
Kenya|Kenyan|Nairobi|
Kosovo|Kosovar||
Kuwait|Kuwaiti||
Latvia|Latvian|Riga|
Lebanon|Lebanese|Beirut|
Libya|Libyan|Tripoli|
Lithuania|Lithuanian|Vilnius|
Malaysia|Malaysian|Kuala Lumpur|
Mexico|Mexican|Mexico City|
Moldova|Moldovan|Chisinau|
Morocco|Moroccan|Rabat|
Myanmar|Burmese|Naypyidaw|Burma
Netherlands|Dutch|Amsterdam,The Hague|Holland
New Zealand|New Zealander|Wellington|
Nigeria|Nigerian|Abuja|
North Korea|North Korean|Pyongyang|DPRK
Norway|Norwegian|Oslo|
Oman|Omani|Muscat|
Pakistan|Pakistani|Islamabad|
Palestine|Palestinian|Ramallah|Palestinian territories
Peru|Peruvian|Lima|
Philippines|Filipino,Philippine|Manila|
Poland|Polish|Warsaw|
Portugal|Portuguese|Lisbon|
Qatar|Qatari|Doha|
Romania|Romanian|Bucharest|
Russia|Russian|Moscow|Russian Federation
Saudi Arabia|Saudi|Riyadh|
Serbia|Serbian|Belgrade|
Singapore|Singaporean||
Slovakia|Slovak|Bratislava|
Somalia|Somali|Mogadishu|
South Africa|South African|Pretoria|
South Korea|South Korean|Seoul|Korea
Soviet Union|Soviet||USSR
Spain|Spanish|Madrid|
Sudan|Sudanese|Khartoum|
Sweden|Swedish|Stockholm|
Switzerland|Swiss|Bern|
Syria|Syrian|Damascus|
Taiwan|Taiwanese|Taipei|
Thailand|Thai|Bangkok|
Tunisia|Tunisian|Tunis|
Turkey|Turkish|Ankara|Türkiye
Ukraine|Ukrainian|Kyiv,Kiev|
United Arab Emirates|Emirati|Abu Dhabi|UAE
United Kingdom|British|London|UK,U.K.,Britain,Great Britain
United States|American|Washington|US,U.S.,USA,U.S.A.,America,United States of America
Venezuela|Venezuelan|Caracas|
Vietnam|Vietnamese|Hanoi|
Yemen|Yemeni|Sanaa|
Zimbabwe|Zimbabwean|Harare|
"""


def _read_states() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for line in _STATES.strip().splitlines():
        name, demonym_list, capital_list, others = line.split("|")
        names[name] = name
        for other in filter(None, others.split(",")):
            names[other] = name
        for demonym in filter(None, demonym_list.split(",")):
            demonyms[demonym] = name
        for capital in filter(None, capital_list.split(",")):
            capitals[capital] = name
    return names, demonyms, capitals


#: "Britain" -> "United Kingdom"; demonyms: "Russian" -> "Russia"; capitals: "Moscow" -> "Russia".
STATE_NAMES, DEMONYMS, CAPITALS = _read_states()

#: Lower-case words inside names: "Staffan de Mistura", "Osama bin Laden", "José y Gasset".
PARTICLES = frozenset("de da di van von der den al el bin ben ibn la le du dos del y".split())

#: Titles written before a name; they make the name a person's and go into the role.
PERSON_TITLES = frozenset(
    """President Vice Prime Minister Premier Chancellor Secretary Senator Sen. Rep.
    Representative Congressman Congresswoman Governor Gov. Mayor Ambassador Envoy King Queen
    Prince Princess Crown Sheikh Emir Pope Cardinal Archbishop Bishop Rabbi Imam Ayatollah
    General Gen. Admiral Adm. Colonel Col. Lt. Lieutenant Major Maj. Captain Capt. Sgt.
    Sergeant Commander Marshal Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof. Professor Sir Dame
    Lord Lady Judge Justice Chief Director Spokesman Spokeswoman Spokesperson Leader Chairman
    Chairwoman Chair Speaker Deputy Foreign Defence Defense Interior Finance Trade Economy
    Justice Health Education Energy Attorney Solicitor Commissioner Inspector Sheriff Father
    Sister Brother Saint St. Minister Mullah Generalissimo Dictator Chief-of-staff""".split()
)
#: Titles that only ever mean a person ("Mr Abbas"), unlike "Minister" in an office's name.
HONORIFICS = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof. Sir Dame Lord Lady".split())

#: Words that make a capitalised name an organisation's.
ORG_WORDS = frozenset(
    """Ministry Council Commission Committee Parliament Congress Senate House Assembly Duma
    Kremlin Pentagon Embassy Consulate Department Office Agency Authority Bureau Bank Fund
    Court Tribunal Party Union Organisation Organization Association Alliance Coalition
    Federation League Group Corporation Corp Corp. Inc Inc. Ltd Company Co. Institute Center
    Centre Foundation University College School Army Navy Force Forces Guard Police Service
    Services Cabinet Government Administration Nations Front Movement Brigade Brigades Network
    Board Secretariat Mission Command Directorate Trust Society Church Hezbollah Hamas Taliban
    Fatah Jazeera Monitor Times Post Journal News Herald Tribune Telegraph Guardian Independent
    Gazette Daily Press Radio Television TV Channel Agency Network Exchange Airlines Reserve
    Treasury Cabinet Legislature Regime Junta Observatory Watch Amnesty Red Cross""".split()
)
#: Organisations usually named by one word or an acronym.
KNOWN_ORGS = {
    "UN": "United Nations",
    "U.N.": "United Nations",
    "NATO": "NATO",
    "EU": "European Union",
    "E.U.": "European Union",
    "OPEC": "OPEC",
    "IMF": "International Monetary Fund",
    "WHO": "World Health Organization",
    "GATT": "GATT",
    "WTO": "World Trade Organization",
    "Kremlin": "Kremlin",
    "Pentagon": "Pentagon",
    "White House": "White House",
    "Congress": "Congress",
    "Hamas": "Hamas",
    "Hezbollah": "Hezbollah",
    "Taliban": "Taliban",
    "Fatah": "Fatah",
    "ISIS": "Islamic State",
    "ISIL": "Islamic State",
    "Isis": "Islamic State",
    "FBI": "FBI",
    "CIA": "CIA",
    "Democrats": "Democratic Party",
    "Republicans": "Republican Party",
    "GOP": "Republican Party",
}
#: News outlets: their own kind of actor.
OUTLETS = frozenset(
    """Reuters AP AFP BBC CNN NBC CBS ABC MSNBC NPR PBS Bloomberg TASS RIA Interfax Xinhua
    Politico Axios Breitbart HuffPost Vox Newsweek Time""".split()
) | frozenset(
    (
        "Associated Press",
        "Fox News",
        "Al Jazeera",
        "New York Times",
        "Washington Post",
        "Wall Street Journal",
        "Financial Times",
        "The Independent",
        "Independent",
        "The Guardian",
        "Guardian",
        "Daily Mail",
        "The Times",
        "Sky News",
        "RIA Novosti",
        "Kyiv Independent",
        "Christian Science Monitor",
    )
)

#: Places that are only places: never actors on their own.
PLACES = frozenset(
    """New York|Hong Kong|Tel Aviv|Gaza|West Bank|Crimea|Donbas|Donbass|Idlib|Aleppo|Mosul
    |Europe|Asia|Africa|Middle East|Latin America|North America|South America|Gulf|Persian Gulf
    |Black Sea|Mediterranean|Baltic|Balkans|Caucasus|Sinai|Golan|Golan Heights|Kashmir|Tibet
    |Xinjiang|Hollywood|Wall Street|Silicon Valley|Dalian|Shanghai|Geneva|Davos|Sochi|Istanbul
    |Kharkiv|Odesa|Odessa|Mariupol|Bakhmut|Kherson|Donetsk|Luhansk|Zaporizhzhia|Chicago
    |Los Angeles|San Francisco|Texas|California|Florida|Virginia|Ohio|Pennsylvania|Michigan
    |Georgia|Arizona|Nevada|Iowa|New Hampshire|Manhattan|Brooklyn|Camp David|Mar-a-Lago
    |Deraa|Quneitra|Deir ez Zour|Eastern Ghouta|Ghouta|Homs|Hama|Raqqa|Afrin|Manbij|Kurdistan
    |Northern Ireland|Scotland|Wales|England|Brussels|Munich|Vienna|Helsinki|Strasbourg""".replace(
        "\n", ""
    ).split("|")
)
PLACES = frozenset(place.strip() for place in PLACES)

#: Capitalised words that start sentences or name days and months: never names by themselves.
COMMON_WORDS = frozenset(
    """A An The This That These Those There Their They Them Then Than Thus Though Although But
    And Or Nor So Yet For Of In On At To From By With Without Within Into Onto Over Under After
    Before During Since Until While When Whenever Where Whereas Which Who Whom Whose Why What How
    If Unless Because As Also Even Still However Meanwhile Moreover Furthermore Instead Indeed
    Earlier Later Now Today Tonight Yesterday Tomorrow Last Next Many Much Most More Some Several
    Few All Both Each Every Any No None Not Other Another Such Our Ours Your His Her Hers Its We I
    You He She It Us Me My Mine One Two Three Four Five Six Seven Eight Nine Ten First Second
    Third Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec Yes Well Asked Speaking According Like Unlike Despite Among Amid Against
    Between Beyond Around About Above Below Across Along Near Through Throughout Toward Towards
    Upon Per Via Please Thank Thanks Oh Here Let Only Just Perhaps Maybe Nevertheless
    Nonetheless Otherwise Therefore Hence Accordingly Similarly Likewise Finally Ultimately
    Overall Already Again Once Whether Either Neither Ever Never Always Often Sometimes
    Officials Official Critics Analysts Experts Observers Sources Residents People Mr Mrs Ms
    Dr Read More Watch Listen Video Photo Image Advertisement Update Updated Breaking Exclusive
    Opinion Analysis Editorial Comment Live Related Share Print Email Sign Subscribe""".split()
)
