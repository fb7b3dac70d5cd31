package sample

// The sample's fictional companies and people. Every name is made up.

type companySeed struct {
	name, industry, region, currency string
	revenueK                         int64 // current revenue in thousands
	outlook                          string
}

var companies = []companySeed{
	{"Northwind Logistics", "Logistics", "DACH", "EUR", 4200, "growing"},
	{"Helios Energy", "Energy", "Benelux", "EUR", 3650, "strong_growth"},
	{"Marlow & Finch Insurance", "Insurance", "UK & Ireland", "GBP", 2900, "flat"},
	{"Contoso Pharma", "Life sciences", "DACH", "CHF", 2400, "growing"},
	{"Blue Fjord Seafood", "Food & beverage", "Nordics", "NOK", 1950, "growing"},
	{"Tallis Retail Group", "Retail", "UK & Ireland", "GBP", 1700, "declining"},
	{"Vantage Aerospace", "Manufacturing", "North America", "USD", 1550, "strong_growth"},
	{"Ostrava Steelworks", "Manufacturing", "Central Europe", "EUR", 1320, "flat"},
	{"Cedar Health Network", "Healthcare", "North America", "USD", 1180, "growing"},
	{"Lumen Telecom", "Telecommunications", "Iberia", "EUR", 990, "flat"},
	{"Quayside Bank", "Financial services", "UK & Ireland", "GBP", 870, "growing"},
	{"Sakura Mobility", "Automotive", "Japan", "JPY", 760, "growing"},
	{"Pampas Agro", "Agriculture", "Latin America", "USD", 640, "strong_growth"},
	{"Rhein Chemie Partner", "Chemicals", "DACH", "EUR", 580, "flat"},
	{"Atlas Freight Lines", "Logistics", "North America", "USD", 510, "declining"},
	{"Gardenia Hotels", "Hospitality", "Southern Europe", "EUR", 430, "growing"},
	{"Polaris Mining", "Mining", "Nordics", "SEK", 395, "flat"},
	{"Brightwater Utilities", "Utilities", "UK & Ireland", "GBP", 350, "flat"},
	{"Orion Media House", "Media", "Benelux", "EUR", 300, "declining"},
	{"Kestrel Software", "Technology", "North America", "USD", 260, "strong_growth"},
	{"Meridian Foods", "Food & beverage", "Southern Europe", "EUR", 220, "growing"},
	{"Silverline Rail", "Transport", "Central Europe", "EUR", 180, "flat"},
	{"Tundra Outdoor", "Retail", "Nordics", "SEK", 140, "growing"},
	{"Coral Bay Resorts", "Hospitality", "Asia Pacific", "AUD", 115, "flat"},
	{"Granite Construction Co", "Construction", "North America", "USD", 90, "growing"},
	{"Halden Paper", "Manufacturing", "Nordics", "NOK", 65, "declining"},
	{"Iris Diagnostics", "Life sciences", "Benelux", "EUR", 45, "strong_growth"},
	{"Juniper Schools Trust", "Education", "UK & Ireland", "GBP", 30, "flat"},
}

var owners = []string{"Anna Berg", "Tomás Ruiz", "Priya Nair", "Jonas Weber"}

var firstNames = []string{"Laura", "Martin", "Sofia", "Daniel", "Eva", "Henrik", "Chloé", "Pieter", "Nadia",
	"Oliver", "Marta", "Lukas", "Isabel", "Kenji", "Ruth", "Fabio", "Ingrid", "Samuel", "Yara", "Stefan",
	"Clara", "Viktor", "Amara", "Felix", "Helena", "Jakob", "Leila", "Matteo", "Nora", "Theo"}

var lastNames = []string{"Schmidt", "Jansen", "Moreau", "Kowalski", "Lindqvist", "Rossi", "Okafor", "Brandt",
	"Novak", "Dubois", "Hartmann", "Silva", "Andersen", "Fischer", "Costa", "Meyer", "Vermeer", "Keller",
	"Laurent", "Nilsson", "Baker", "Horvath", "Ibrahim", "Sato", "Walsh", "Engel", "Marino", "Petrov"}

// orgSeat is one seat of a planned account's organisation chart.
type orgSeat struct {
	title, department string
	boss              int // index of the manager's seat, -1 for the top
	role              string
	influence         int
}

var orgChart = []orgSeat{
	{"Chief Executive Officer", "Executive board", -1, "decision_maker", 3},
	{"Chief Financial Officer", "Finance", 0, "economic_buyer", 3},
	{"Chief Operating Officer", "Operations", 0, "decision_maker", 3},
	{"Chief Information Officer", "IT", 0, "decision_maker", 3},
	{"Chief Procurement Officer", "Procurement", 1, "gatekeeper", 2},
	{"Head of Controlling", "Finance", 1, "influencer", 2},
	{"VP Supply Chain", "Operations", 2, "influencer", 3},
	{"Head of Plant Operations", "Operations", 2, "user", 2},
	{"Enterprise Architect", "IT", 3, "technical_buyer", 2},
	{"Head of Infrastructure", "IT", 3, "technical_buyer", 2},
	{"Data & Analytics Lead", "IT", 3, "champion", 2},
	{"Category Manager IT", "Procurement", 4, "gatekeeper", 1},
	{"Financial Analyst", "Finance", 5, "user", 1},
	{"Logistics Manager", "Operations", 6, "user", 1},
	{"Warehouse Manager", "Operations", 6, "user", 1},
	{"Quality Manager", "Operations", 7, "influencer", 2},
	{"Security Officer", "IT", 9, "gatekeeper", 2},
	{"BI Developer", "IT", 10, "user", 1},
	{"Head of Sustainability", "Executive board", 0, "influencer", 2},
	{"Head of Customer Service", "Operations", 2, "user", 2},
}

var team = []struct{ name, function, title string }{
	{"Anna Berg", "sales", "Strategic Account Manager"},
	{"Tomás Ruiz", "sales", "Key Account Manager"},
	{"Priya Nair", "sales", "Key Account Manager"},
	{"Jonas Weber", "sales", "Account Director"},
	{"Grace Holm", "product", "Product Manager"},
	{"Malik Osei", "service", "Customer Success Lead"},
	{"Elena Varga", "service", "Delivery Manager"},
	{"Sven Aalto", "marketing", "Industry Marketing"},
	{"Camille Roux", "executive", "VP Sales EMEA"},
	{"David Chen", "product", "Solution Architect"},
}

var goalSeeds = []struct{ title, measure string }{
	{"Cut order-to-delivery time by a quarter", "Median days from order to delivery"},
	{"Grow digital sales channels", "Share of revenue through digital channels"},
	{"Reach net-zero operations in our plants", "Scope 1 and 2 emissions, tonnes CO₂e"},
	{"One view of the customer across business units", "Share of customers with a single record"},
}

var departments = []string{"Operations", "Finance", "IT", "Procurement", "Customer Service"}

var actionTitles = []string{
	"Executive sponsor meeting with the COO", "Map the procurement process for renewals",
	"Run a value workshop with Finance", "Pilot analytics in the main warehouse",
	"Share the sustainability benchmark", "Introduce our CTO to their Enterprise Architect",
	"Quarterly business review", "Prepare the renewal proposal", "Reference visit to a similar customer",
	"Train the BI team on dashboards", "Joint roadmap session with IT", "Fix the open service tickets",
	"Propose a managed-service model", "Invite the CFO to our customer advisory board",
	"Build the business case for phase two", "Security questionnaire for the new module",
	"Agree success metrics with the champion", "Win back the Head of Controlling",
	"Health check of the current platform", "Present case study at their supplier day",
	"Co-write the digital channel strategy", "Extend support hours for the plants",
	"Price review with Procurement", "Onboard the new Head of Customer Service",
	"Demo of the forecasting add-on", "Clarify data residency requirements",
	"Workshop on order-to-delivery bottlenecks", "Align on the three-year investment plan",
	"Replace the legacy reporting tool", "Set up the joint steering committee",
	"Survey end users in Operations", "Escalation path for critical incidents",
	"Draft the emissions dashboard", "Meet the new Category Manager", "Renegotiate the training budget",
	"Introduce partner for plant integration", "Plan the customer review for next quarter",
	"Collect the customer value scorecard", "Review lessons from the lost tender", "Expand to the Nordic units",
}
