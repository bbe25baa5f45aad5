import type { JSONContent } from "@tiptap/core";

/**
 * The demo newsroom. Every story, person and place here is invented for
 * Copydesk; none is copied from a real publication.
 */
export const SECTIONS = [
  { slug: "world", name: "World", description: "News from beyond our borders.", position: 1 },
  { slug: "politics", name: "Politics", description: "Councils, parliaments and the people in them.", position: 2 },
  { slug: "business", name: "Business", description: "Work, money and the companies around us.", position: 3 },
  { slug: "culture", name: "Culture", description: "Arts, music, books and the stages of the city.", position: 4 },
] as const;

export const USERS = [
  { key: "reporter", email: "reporter@example.com", name: "Maya Okafor", role: "REPORTER" },
  { key: "reporter2", email: "reporter2@example.com", name: "Tomás Reyes", role: "REPORTER" },
  { key: "editor", email: "editor@example.com", name: "Dana Whitfield", role: "EDITOR" },
  { key: "admin", email: "admin@example.com", name: "Sam Ito", role: "ADMIN" },
] as const;

export type SeedUserKey = (typeof USERS)[number]["key"];
export type SeedSection = (typeof SECTIONS)[number]["slug"];
export type SeedState = "DRAFT" | "IN_REVIEW" | "CHANGES_REQUESTED" | "SCHEDULED" | "PUBLISHED" | "ARCHIVED";

export interface SeedArticle {
  headline: string;
  standfirst: string;
  section: SeedSection;
  author: SeedUserKey;
  state: SeedState;
  /** hours from now: negative for the past (published), positive for a schedule */
  hours: number;
  tags: string[];
  photo: { caption: string; credit: string; alt: string; palette: [string, string, string] };
  body: JSONContent[];
  /** the editor's note for CHANGES_REQUESTED */
  note?: string;
  /** the desk's plan: assigned to the author, edited by the demo editor; hours from now */
  plan?: { slugLine: string; deadline: number; slot: number };
}

const p = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const h2 = (text: string): JSONContent => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const quote = (text: string): JSONContent => ({ type: "blockquote", content: [p(text)] });

export const ARTICLES: SeedArticle[] = [
  {
    headline: "Delta nations sign water-sharing pact after a decade of talks",
    standfirst:
      "The agreement sets minimum river flows for the dry season and creates a joint commission to settle disputes before they reach ministers.",
    section: "world",
    author: "reporter",
    state: "PUBLISHED",
    hours: -3,
    tags: ["water", "diplomacy"],
    photo: {
      caption: "Irrigation channels on the lower delta, where farmers rely on the dry-season flow.",
      credit: "Jo Lindqvist/Copydesk",
      alt: "Green fields cut by straight irrigation channels under a wide sky",
      palette: ["#8ec5d6", "#4f8a5b", "#e9c46a"],
    },
    body: [
      p("Three countries that share the Varna delta signed a water-sharing agreement on Tuesday, ending ten years of negotiations that twice collapsed over how much water upstream dams must release during the dry months."),
      p("Under the pact, the upstream states guarantee a minimum flow at the border from March to June, measured at gauging stations that all three governments can read in real time. A joint commission of engineers will meet monthly and can order extra releases when the flow falls below the agreed line."),
      quote("“For the first time, a farmer at the mouth of the river and an engineer at the dam are reading the same number,” said Lena Marković, who led the downstream delegation."),
      h2("What changes for farmers"),
      p("Rice growers on the lower delta have lost a harvest in three of the last eight years to salt water pushing inland when the river ran low. Agronomists say the guaranteed flow should keep the salt line below the main irrigation intakes in all but the driest years."),
      p("The agreement still has to be ratified by the three parliaments. Diplomats expect the first vote within two months."),
    ],
  },
  {
    headline: "City council approves late-night bus network in 7–2 vote",
    standfirst:
      "Six routes will run every 20 minutes until 3am from next spring, paid for by a parking levy that retailers opposed.",
    section: "politics",
    author: "reporter2",
    state: "PUBLISHED",
    hours: -7,
    tags: ["transport", "city-council"],
    photo: {
      caption: "A night bus waits at the central interchange during last year's trial.",
      credit: "Priya Raman/Copydesk",
      alt: "A lit bus at an empty stop at night",
      palette: ["#1d2b53", "#f4a261", "#2a9d8f"],
    },
    body: [
      p("Night workers will be able to get home by bus after midnight from next spring, after the city council voted 7–2 on Monday evening to fund six late-night routes."),
      p("The routes follow the busiest day corridors and will run every 20 minutes between midnight and 3am, seven days a week. The council estimates the service will cost 4.2 million a year, covered by a new levy on large private car parks."),
      quote("“Nurses, cleaners, bakers and bar staff keep this city running. Until now we have asked them to walk home or pay for a taxi,” said councillor Amira Haddad, who proposed the plan."),
      p("The two members who voted against said the levy would push shoppers to out-of-town retail parks. The chamber of commerce said it would ask the council to review the charge after one year."),
      p("A six-month trial on two routes last year carried an average of 1,900 passengers a night, according to the transport department."),
    ],
  },
  {
    headline: "Regional bakery chain to become a worker-owned cooperative",
    standfirst:
      "The founders of Hearth & Mill will sell the 31-shop business to its 640 employees over seven years, funded from profits.",
    section: "business",
    author: "reporter",
    state: "PUBLISHED",
    hours: -26,
    tags: ["employee-ownership", "retail"],
    photo: {
      caption: "Bakers start the first shift at the chain's central kitchen.",
      credit: "Jo Lindqvist/Copydesk",
      alt: "Trays of loaves cooling on racks in a bakery",
      palette: ["#f6e7cb", "#c97c5d", "#6d4c41"],
    },
    body: [
      p("Hearth & Mill, the bakery chain that grew from one shop on Quay Street to 31 across the region, will be owned by its staff within seven years under a deal announced on Wednesday."),
      p("The founders, siblings Ruth and Daniel Achterberg, will sell their shares to an employee trust at an independent valuation. The trust will pay for the shares out of the company's profits, so no employee has to put in money of their own."),
      quote("“We could have sold to a bigger chain and retired on the beach. We would rather the people who get up at four o'clock own what they built,” Ruth Achterberg said."),
      p("Every employee with a year's service will get an equal vote on the board that oversees the trust, regardless of role or hours. The company said wages and the recipe book will not change."),
    ],
  },
  {
    headline: "Harbour museum reopens with a gallery built by its visitors",
    standfirst:
      "After two years of rebuilding, the maritime museum's new top floor shows objects lent by 300 local families.",
    section: "culture",
    author: "reporter2",
    state: "PUBLISHED",
    hours: -30,
    tags: ["museums", "history"],
    photo: {
      caption: "A ship's lantern lent by a fishing family hangs in the new community gallery.",
      credit: "Priya Raman/Copydesk",
      alt: "An old brass lantern hanging in a bright gallery",
      palette: ["#dde5ec", "#3d5a80", "#ee6c4d"],
    },
    body: [
      p("The Harbour Museum reopened on Saturday with queues along the sea wall and a new gallery whose every object came from a local attic, shed or kitchen drawer."),
      p("Curators spent eighteen months visiting families who answered an appeal for anything connected with the port: ration books, a wedding dress sewn from sailcloth, a ledger of catches kept for fifty years, and a brass lantern that hung on the same trawler from 1931 to 1988."),
      quote("“People kept telling us their story wasn't important enough for a museum. This floor is our answer,” said curator Felix Amankwah."),
      p("Entry to the museum remains free. The community gallery will change every year, and the appeal for objects is open again."),
    ],
  },
  {
    headline: "Fishing towns brace for an early storm season",
    standfirst:
      "Forecasters expect the first autumn gales two weeks sooner than usual, and harbour masters are moving boats to deeper moorings.",
    section: "world",
    author: "reporter",
    state: "PUBLISHED",
    hours: -50,
    tags: ["weather", "fishing"],
    photo: {
      caption: "Boats moved to the deep-water moorings at Kessel Point ahead of the gales.",
      credit: "Jo Lindqvist/Copydesk",
      alt: "Small fishing boats moored in grey water under dark clouds",
      palette: ["#6c7a89", "#2f3e46", "#cad2c5"],
    },
    body: [
      p("Harbour masters along the northern coast began moving fishing boats to deeper moorings this week after forecasters warned that the autumn storm season is likely to start about two weeks earlier than usual."),
      p("Sea temperatures in the gulf are the highest recorded for the time of year, which the national weather service says raises the chance of strong low-pressure systems forming in late summer."),
      quote("“We would rather move a hundred boats for nothing than lose one,” said Ingrid Solberg, harbour master at Kessel Point."),
      p("Fishing cooperatives say an early end to the season could cut landings by a fifth. Several are asking the fisheries ministry to allow boats to land their remaining quota over the winter."),
    ],
  },
  {
    headline: "Port strike ends after pay deal, but backlog could take weeks",
    standfirst:
      "Dock workers accepted a 6.5 per cent rise over two years; importers warn shelves may stay thin until the queue of ships clears.",
    section: "business",
    author: "reporter2",
    state: "PUBLISHED",
    hours: -75,
    tags: ["labour", "trade"],
    photo: {
      caption: "Container ships at anchor outside the port on the last day of the strike.",
      credit: "Priya Raman/Copydesk",
      alt: "Container ships waiting at anchor on a calm sea",
      palette: ["#a8dadc", "#457b9d", "#e63946"],
    },
    body: [
      p("Dock workers returned to the cranes on Friday morning after voting to accept a pay offer that ends a nine-day strike at the country's second-largest port."),
      p("The deal gives 6.5 per cent over two years, a guaranteed minimum of 32 paid hours a week and a review of night-shift rotas. Union members approved it by 81 per cent on a turnout of 74 per cent."),
      quote("“Nobody wins a strike. But nobody will be on call for zero hours again,” said union organiser Kofi Mensah."),
      p("Forty-two ships were waiting at anchor when work resumed. The port authority said it would run extra shifts through the weekend, but importers warned some goods could be scarce for several weeks."),
    ],
  },
  {
    headline: "Schools to get heat-safety plans before summer, minister says",
    standfirst:
      "Every school must name a cool room and adjust timetables when classrooms pass 30°C, under guidance published on Thursday.",
    section: "politics",
    author: "reporter",
    state: "PUBLISHED",
    hours: -98,
    tags: ["education", "heat"],
    photo: {
      caption: "Pupils in a shaded courtyard at Northgate Primary, one of the pilot schools.",
      credit: "Jo Lindqvist/Copydesk",
      alt: "Children sitting under a canvas shade in a school courtyard",
      palette: ["#ffe8a3", "#f28482", "#84a59d"],
    },
    body: [
      p("All state schools will have to publish a heat-safety plan before the summer term, the education minister said on Thursday, after temperatures in some classrooms passed 35°C last June."),
      p("The plans must name at least one room that stays cool, set out how timetables will change when classrooms pass 30°C, and say how pupils will get drinking water during breaks."),
      quote("“No child learns anything in an oven. This is about basic safety, not comfort,” the minister, Helena Brandt, told parliament."),
      p("Head teachers' associations welcomed the guidance but said many older buildings need shading and ventilation that schools cannot pay for from existing budgets."),
    ],
  },
  {
    headline: "Jazz festival adds a free stage in the old tram depot",
    standfirst: "Organisers hope the extra venue will bring in audiences who have never bought a ticket.",
    section: "culture",
    author: "reporter",
    state: "DRAFT",
    hours: -2,
    tags: ["music", "festivals"],
    plan: { slugLine: "jazz-depot-stage", deadline: 3, slot: 6 },
    photo: {
      caption: "The old tram depot, which will host the free stage.",
      credit: "Jo Lindqvist/Copydesk",
      alt: "A brick industrial hall with tall arched windows",
      palette: ["#2b2d42", "#8d99ae", "#ef233c"],
    },
    body: [
      p("The city's jazz festival will open a free stage in the disused tram depot this year, its organisers said, in an effort to reach people who have never been to a paid concert."),
      p("Draft: confirm the line-up with the press office and add ticket prices for the main venues."),
    ],
  },
  {
    headline: "Small shops report rise in card-only customers",
    standfirst: "A survey of 400 independent retailers finds cash now makes up less than a fifth of sales.",
    section: "business",
    author: "reporter2",
    state: "DRAFT",
    hours: -5,
    tags: ["retail", "payments"],
    plan: { slugLine: "card-only-shops", deadline: -1, slot: 4 },
    photo: {
      caption: "A card reader on the counter of a corner shop.",
      credit: "Priya Raman/Copydesk",
      alt: "A card payment terminal on a shop counter",
      palette: ["#edf6f9", "#006d77", "#e29578"],
    },
    body: [
      p("Cash made up less than a fifth of takings at independent shops last quarter, according to a survey of 400 retailers by the small business federation."),
      p("Still to do: get comment from the federation and from a shop that has gone card-only."),
    ],
  },
  {
    headline: "Parliament committee questions cost of new border checkpoints",
    standfirst:
      "Auditors say the programme is 40 per cent over budget and two years late; the interior ministry disputes their figures.",
    section: "politics",
    author: "reporter2",
    state: "IN_REVIEW",
    hours: -4,
    tags: ["audit", "borders"],
    photo: {
      caption: "An unfinished checkpoint building on the northern highway.",
      credit: "Priya Raman/Copydesk",
      alt: "A concrete building under construction beside a highway",
      palette: ["#caf0f8", "#90a955", "#4f772d"],
    },
    body: [
      p("Members of parliament's public accounts committee questioned interior ministry officials for three hours on Wednesday over a border checkpoint programme that auditors say is 40 per cent over budget."),
      p("The national audit office found that eleven of the fourteen planned checkpoints are unfinished, and that the ministry changed the design of the inspection halls twice after construction had started."),
      quote("“We were told this would be finished last year. We were told it would cost less. Neither is true,” said committee chair Jonas Eriksen."),
      p("The ministry said the audit counted equipment costs that belong to a separate programme and that the real overrun is about 15 per cent."),
    ],
  },
  {
    headline: "Drought pushes river barges to carry half loads",
    standfirst: "Low water on the main inland waterway is forcing shippers to split cargoes and raising freight costs.",
    section: "world",
    author: "reporter",
    state: "IN_REVIEW",
    hours: -1,
    tags: ["water", "trade"],
    photo: {
      caption: "A barge passes exposed sandbanks near Holm.",
      credit: "Jo Lindqvist/Copydesk",
      alt: "A long cargo barge on a narrow river between sandbanks",
      palette: ["#f1e3d3", "#99c1b9", "#8e7dbe"],
    },
    body: [
      p("Barges on the country's main inland waterway are sailing with half their usual cargo after weeks without rain left the river at its lowest level in twenty years."),
      p("Shipping companies say they need two or three trips to move what one used to carry, and freight rates have more than doubled since the start of the month."),
      quote("“Every centimetre of water is a tonne of cargo we can't carry,” said barge operator Marit de Vries."),
    ],
  },
  {
    headline: "Independent cinema launches pay-what-you-can Sundays",
    standfirst: "The Lumen will let audiences choose their price for one screening a week.",
    section: "culture",
    author: "reporter2",
    state: "CHANGES_REQUESTED",
    hours: -20,
    tags: ["film"],
    plan: { slugLine: "lumen-sundays", deadline: 2, slot: 26 },
    photo: {
      caption: "The Lumen's single screen, built in 1928.",
      credit: "Priya Raman/Copydesk",
      alt: "Rows of red velvet seats facing a cinema screen",
      palette: ["#370617", "#9d0208", "#ffba08"],
    },
    body: [
      p("The Lumen, the city's last single-screen cinema, will let audiences pay whatever they can afford for its Sunday afternoon screening from next month."),
      p("The owners say ticket sales have recovered since the cinema reopened but that families on low incomes have not come back."),
    ],
    note: "Good idea for a story. Please add how the cinema will cover the cost and a quote from the owners, and check the 1928 date with the city archive.",
  },
  {
    headline: "Central bank expected to hold rates as inflation cools",
    standfirst: "Economists say the bank will wait for another month of price data before cutting borrowing costs.",
    section: "business",
    author: "reporter",
    state: "SCHEDULED",
    hours: 20,
    tags: ["economy", "interest-rates"],
    photo: {
      caption: "The central bank's headquarters on Exchange Square.",
      credit: "Jo Lindqvist/Copydesk",
      alt: "A stone building with columns on a city square",
      palette: ["#e0e1dd", "#778da9", "#1b263b"],
    },
    body: [
      p("The central bank is expected to keep its main interest rate at 4.25 per cent on Thursday, even though inflation fell for the fourth month in a row in October."),
      p("Of 24 economists surveyed this week, 21 expect no change. Most say the bank wants to see whether lower energy prices feed through to services before it cuts."),
      quote("“The bank has been burned by cutting too early before. It will want one more month of good news,” said economist Ana Ferreira."),
    ],
  },
  {
    headline: "Ferry operator withdraws winter timetable after complaints",
    standfirst: "The island service will keep two daily sailings instead of one while the operator consults residents.",
    section: "world",
    author: "reporter2",
    state: "ARCHIVED",
    hours: -400,
    tags: ["transport"],
    photo: {
      caption: "The morning ferry leaves the island harbour.",
      credit: "Priya Raman/Copydesk",
      alt: "A white ferry leaving a small harbour at dawn",
      palette: ["#ffcdb2", "#b5838d", "#6d6875"],
    },
    body: [
      p("The ferry operator serving the outer islands has withdrawn a winter timetable that would have cut sailings to one a day, after islanders said it would leave them unable to reach hospital appointments and return the same day."),
      p("The company will keep two daily sailings until the end of March while it consults residents on a new timetable."),
    ],
  },
];
