-- A master's discount on the list prices of the price book, applied to what its sub accounts' plans cost.
CREATE TABLE plan_discount (
    master_account_id  uuid          PRIMARY KEY REFERENCES account (account_id),
    percent            numeric(5,2)  NOT NULL CHECK (percent >= 0 AND percent < 100),
    updated_at         timestamptz   NOT NULL
);
